// TypeBox helpers shared by server and web schemas.
import { Type, type TLiteral, type TUnion } from 'typebox';

/** A union of string literals whose static type is the union of the values (Type.Enum widens to string in objects). */
export function literalUnion<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}
