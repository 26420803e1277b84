import { Type, type Static } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Algorithm = Type.Union([Type.Literal('sm2'), Type.Literal('p256'), Type.Literal('ed25519')]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const SealKey = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  algorithm: Type.String(),
  fingerprint: Type.String(),
  serial: Type.String(),
  subject: Type.String(),
  issuer: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  retiredAt: Nullable(Type.String()),
  certificate: Type.String(),
  pdfCertificate: Type.String(),
});

export const Seal = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgUscc: Type.String(),
  name: Type.String(),
  algorithm: Type.String(),
  status: Type.String(),
  statusReason: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String()),
  source: Type.String(),
  picture: Type.Object({ rim: Type.String(), bottom: Type.String(), uploaded: Type.Boolean() }),
  allowedActions: Type.Array(Type.String()),
  currentKey: Type.Union([SealKey, Type.Null()]),
  keys: Type.Array(SealKey),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Seal = Static<typeof Seal>;

const Png = Type.String({ maxLength: 400_000, pattern: '^[A-Za-z0-9+/=\\s]*$' });
const Pem = Type.String({ minLength: 1, maxLength: 64_000 });

export const CreateSealBody = Type.Object(
  {
    orgId: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    algorithm: Type.Optional(Algorithm),
    validYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    pictureBottom: Type.Optional(Type.String({ maxLength: 12 })),
    picturePng: Type.Optional(Png),
  },
  { additionalProperties: false },
);

export const ImportSealBody = Type.Object(
  {
    orgId: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    certificatePem: Pem,
    privateKeyPem: Pem,
    chainPem: Type.Optional(Type.String({ maxLength: 64_000 })),
    pictureBottom: Type.Optional(Type.String({ maxLength: 12 })),
    picturePng: Type.Optional(Png),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const RotateBody = Type.Object(
  {
    validYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    certificatePem: Type.Optional(Pem),
    privateKeyPem: Type.Optional(Pem),
    chainPem: Type.Optional(Type.String({ maxLength: 64_000 })),
  },
  { additionalProperties: false },
);

export const PictureQuery = Type.Object({ rim: Type.String({ minLength: 1, maxLength: 40 }), bottom: Type.Optional(Type.String({ maxLength: 20 })) });

export const SignatureRecord = Type.Object({
  type: Type.String(),
  version: Type.Integer(),
  seal: Type.Object({ id: Type.String(), keyId: Type.String(), keyVersion: Type.Integer(), name: Type.String(), orgId: Type.String(), orgName: Type.String(), uscc: Type.String() }),
  signer: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  signedAt: Type.String(),
  content: Type.Object({ format: Type.String(), name: Nullable(Type.String()), sm3: Type.String(), sha256: Type.String() }),
  algorithm: Type.String(),
  userId: Type.Optional(Type.String()),
  signature: Type.String(),
  certificate: Type.String(),
  chain: Type.Array(Type.String()),
});

export const SealDocumentBody = Type.Object(
  {
    // Exactly one of json (sealed in its RFC 8785 form) or base64 bytes.
    json: Type.Optional(Type.Unknown()),
    base64: Type.Optional(Type.String({ maxLength: 14_000_000 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    purpose: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SealPdfBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 60 }),
    paragraphs: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { minItems: 1, maxItems: 20 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    purpose: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SealedPdf = Type.Object({ useId: Type.String(), pdfBase64: Type.String(), record: SignatureRecord });

export const UsesQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });

export const SealUse = Type.Object({
  id: Type.String(),
  sealId: Type.String(),
  keyVersion: Type.Union([Type.Integer(), Type.Null()]),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  format: Type.String(),
  documentName: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  digestSm3: Type.String(),
  signedAt: Type.String(),
});

export const VerifyBody = Type.Object(
  {
    pdf: Type.Optional(Type.String({ maxLength: 14_000_000, description: 'a sealed PDF, base64' })),
    document: Type.Optional(Type.String({ maxLength: 14_000_000, description: 'the sealed document, base64' })),
    json: Type.Optional(Type.Unknown({ description: 'the sealed JSON document itself' })),
    signature: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.String({ maxLength: 200_000 })], { description: 'the signature record' })),
  },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const Verification = Type.Object({
  verdict: Type.String(),
  reason: Type.String(),
  label: Type.String(),
  message: Type.String(),
  seal: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      uscc: Type.String(),
      status: Type.String(),
      algorithm: Type.String(),
      keyVersion: Type.Integer(),
      notBefore: Type.String(),
      notAfter: Type.String(),
      retiredAt: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  signedAt: Nullable(Type.String()),
  signer: Nullable(Type.String()),
  document: Type.Union([Type.Object({ format: Type.String(), name: Nullable(Type.String()), sm3: Nullable(Type.String()), sha256: Nullable(Type.String()) }), Type.Null()]),
});
