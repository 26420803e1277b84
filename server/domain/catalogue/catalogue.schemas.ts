import { Type } from 'typebox';
import { ItemElements, UniformElements } from '../../../common/item-elements.ts';

export const ImplementationCodeParams = Type.Object({ code: Type.String({ minLength: 31, maxLength: 31, pattern: '^[0-9A-Z]{31}$' }) });
export const VersionParams = Type.Object({ ...ImplementationCodeParams.properties, versionNo: Type.Integer({ minimum: 1 }) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

// Null first: the app's Ajv coerces types, and with the string branch first a null was stored as "".
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([Type.Null(), t]);
const AsOf = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$' });

export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  org: Type.Optional(Type.String({ maxLength: 64 })),
  type: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  recipient: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  caseKind: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
  theme: Type.Optional(Type.String({ maxLength: 20 })),
  onlineDepth: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })),
  asOf: Type.Optional(AsOf),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

const TimeLimitOut = Type.Object({ amount: Type.Integer(), unit: Type.String(), note: Type.Optional(Type.String()) });

export const ListEntry = Type.Object({
  implementationCode: Type.String(),
  name: Type.String(),
  type: Type.String(),
  typeLabel: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  caseKind: Type.Integer(),
  onlineDepth: Type.Integer(),
  powerSource: Type.Integer(),
  promisedTimeLimit: TimeLimitOut,
  statutoryTimeLimit: TimeLimitOut,
  versionNo: Type.Integer(),
  effectiveFrom: Type.String(),
});

export const ListPage = Type.Object({
  items: Type.Array(ListEntry),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
  nextCursor: Nullable(Type.String()),
});

export const DraftQuery = Type.Object({
  org: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const DraftList = Type.Object({
  items: Type.Array(
    Type.Object({
      implementationCode: Type.String(),
      name: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      versionNo: Type.Integer(),
      changeNote: Nullable(Type.String()),
      updatedAt: Type.String(),
      hasFinalVersion: Type.Boolean(),
    }),
  ),
});

const HandlingItemView = Type.Object({ code: Type.String(), seq: Type.Integer(), name: Type.String(), splitReason: Type.String() });

export const ItemVersionView = Type.Object({
  versionNo: Type.Integer(),
  state: Type.String(),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  catalogueVersionNo: Type.Integer(),
  changeNote: Nullable(Type.String()),
  source: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finalisedAt: Nullable(Type.String()),
  elements: Type.Unknown(),
  handlingItems: Type.Array(HandlingItemView),
});

export const Problem = Type.Object({ path: Type.String(), message: Type.String() });
export const DraftResult = Type.Object({ version: ItemVersionView, problems: Type.Array(Problem) });

export const ItemDetail = Type.Object({
  implementationCode: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  catalogueItemId: Type.String(),
  basicCode: Type.String(),
  levelDigit: Type.Integer(),
  reviewNeeded: Type.Boolean(),
  reviewCatalogueVersionNo: Type.Union([Type.Integer(), Type.Null()]),
  reviewDiff: Type.Unknown(),
  current: Type.Union([ItemVersionView, Type.Null()]),
  draft: Type.Union([ItemVersionView, Type.Null()]),
  versions: Type.Array(
    Type.Object({
      versionNo: Type.Integer(),
      state: Type.String(),
      effectiveFrom: Nullable(Type.String()),
      effectiveTo: Nullable(Type.String()),
      changeNote: Nullable(Type.String()),
      source: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

export const CreateItemBody = Type.Object(
  { catalogueItemId: Type.String({ minLength: 1, maxLength: 64 }), orgId: Type.String({ minLength: 1, maxLength: 64 }), levelDigit: Type.Integer({ minimum: 1, maximum: 6 }) },
  { additionalProperties: false },
);

export const SaveDraftBody = Type.Object({ elements: ItemElements, changeNote: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const StartDraftBody = Type.Object({ takeOver: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const LoadBody = Type.Object({ effectiveFrom: Type.Optional(AsOf) }, { additionalProperties: false });
export const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) });
export const Diff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ path: Type.String(), kind: Type.String(), before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) })),
});

export const CatalogueBody = Type.Object(
  {
    basicCode: Type.String({ minLength: 1, maxLength: 12 }),
    localCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    origin: Type.Union([Type.Literal('provincial'), Type.Literal('local')]),
    levels: Type.Array(Type.Integer({ minimum: 1, maximum: 6 }), { minItems: 1, maxItems: 6 }),
    uniform: UniformElements,
    changeNote: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const CatalogueVersionBody = Type.Object(
  { levels: Type.Array(Type.Integer({ minimum: 1, maximum: 6 }), { minItems: 1, maxItems: 6 }), uniform: UniformElements, changeNote: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const Deviations = Type.Object({
  deviations: Type.Array(
    Type.Object({
      implementationCode: Type.String(), orgId: Type.String(), name: Type.String(), element: Type.String(), kind: Type.String(),
      expected: Type.Unknown(), actual: Type.Unknown(),
    }),
  ),
});
