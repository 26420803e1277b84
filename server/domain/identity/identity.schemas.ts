import { Type, type Static } from 'typebox';
import { ROLES } from '../../../common/roles.ts';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const Membership = Type.Object({ orgId: Type.String(), orgName: Type.String(), roles: Type.Array(Type.String()) });

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  roles: Type.Array(Type.String()),
  memberships: Type.Array(Membership),
  csrfToken: Type.String(),
  email: Type.Union([Type.Null(), Type.String()]),
});
export type Me = Static<typeof Me>;

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const SwitchOrgBody = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Type.Union([Type.Null(), Type.String()]),
  email: Type.Union([Type.Null(), Type.String()]),
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    orgId: Type.String({ minLength: 1, maxLength: 64 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 6 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const SetRolesBody = Type.Object(
  { roles: Type.Array(RoleSchema, { maxItems: 6 }), orgId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

/** An address for notification e-mails, or null to remove it; the service checks the form. */
export const SetEmailBody = Type.Object({ email: Type.Union([Type.Null(), Type.String({ maxLength: 254 })]) }, { additionalProperties: false });

export const ResetPasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

export const UserQuery = Type.Object({
  orgId: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
