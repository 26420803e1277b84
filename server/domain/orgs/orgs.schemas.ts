import { Type, type Static } from 'typebox';

export const OrgKindSchema = Type.Union(['bureau', 'department', 'town', 'village', 'external'].map((k) => Type.Literal(k)));

export const Org = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.Null(), Type.String()]),
  kind: Type.String(),
  uscc: Type.String(),
  level: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.Union([Type.Null(), Type.String()]),
  nameMn: Type.Union([Type.Null(), Type.String()]),
  divisionCode: Type.Union([Type.Null(), Type.String()]),
  active: Type.Boolean(),
});
export type Org = Static<typeof Org>;

const Name = Type.String({ minLength: 1, maxLength: 100 });
const OptionalName = Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })]));

export const OrgNamesBody = Type.Object({ nameZh: Name, nameEn: OptionalName, nameMn: OptionalName }, { additionalProperties: false });

export const CreateOrgBody = Type.Object(
  {
    parentId: Type.Union([Type.Null(), Type.String({ maxLength: 64 })]),
    kind: Type.Union(['bureau', 'department', 'town', 'village', 'external'].map((k) => Type.Literal(k))),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    level: Type.Integer({ minimum: 1, maximum: 6 }),
    nameZh: Name,
    nameEn: OptionalName,
    nameMn: OptionalName,
    divisionCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{6}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const MoveOrgBody = Type.Object({ parentId: Type.Union([Type.Null(), Type.String({ maxLength: 64 })]) }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
