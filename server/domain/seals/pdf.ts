// Sealed PDFs: pdfkit renders the page (CJK font from the OS), @signpdf adds the signature
// placeholder, and we write the CMS SignedData ourselves with pkijs (node-forge breaks on Chinese names).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import PDFDocument from 'pdfkit';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdfModule from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { OID, signData, verifyData, type PrivateKey } from './keys.ts';
import { drawSeal, type SealPictureText } from './picture.ts';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

// CommonJS under ESM: the SignPdf instance is the module's `default` export.
interface SignPdf {
  sign(pdf: Buffer, signer: Signer, signingTime?: Date): Promise<Buffer>;
}
const signpdf: SignPdf = (signpdfModule as unknown as { default?: SignPdf }).default ?? (signpdfModule as unknown as SignPdf);

export interface CjkFont {
  path: string;
  /** PostScript name of the face inside a .ttc collection. */
  family?: string;
}

// The OS's fonts first (fonts-noto-cjk, fonts-wqy-zenhei), then an npm font package if one is installed.
const FONT_CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
];

let fontCache: { font: CjkFont; data: Buffer } | null | undefined;

/** The first CJK font found (QINGDAN_PDF_FONT=path[#face] first); null when the machine has none. */
export function findCjkFont(): { font: CjkFont; data: Buffer } | null {
  if (fontCache !== undefined) return fontCache;
  const fromEnv = process.env.QINGDAN_PDF_FONT;
  const candidates = fromEnv ? [{ path: fromEnv.split('#')[0], family: fromEnv.split('#')[1] }, ...FONT_CANDIDATES] : FONT_CANDIDATES;
  fontCache = null;
  for (const font of candidates) {
    if (fs.existsSync(font.path)) {
      fontCache = { font, data: fs.readFileSync(font.path) };
      break;
    }
  }
  return fontCache;
}

export interface PdfContent {
  title: string;
  paragraphs: string[];
  /** Name and date under the text, next to the seal (落款). */
  issuer: string;
  date: string;
  seal: SealPictureText;
  /** An uploaded seal picture (PNG) drawn instead of the generated one. */
  sealPng?: Buffer;
  /** Shown at the foot of the page: where and how to verify. */
  footer: string;
}

/** Thrown when no CJK font is available: only the PDF feature fails, never the server start. */
export class NoCjkFontError extends Error {}

/**
 * Renders a one-page A4 document with the seal picture over the issuer's name.
 * @throws NoCjkFontError when the machine has no CJK font
 */
export async function renderPdf(content: PdfContent, createdAt: Date): Promise<Buffer> {
  const cjk = findCjkFont();
  if (!cjk) throw new NoCjkFontError('no CJK font found');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    info: { Title: content.title, Creator: 'Qingdan', Producer: 'Qingdan', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjk.data, cjk.font.family);
  doc.font('cjk').fontSize(22).fillColor('#000000').text(content.title, { align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(13);
  for (const p of content.paragraphs) doc.text(p, { indent: 26, lineGap: 6, align: 'justify' }).moveDown(0.6);
  doc.moveDown(2);
  const right = doc.page.width - doc.page.margins.right;
  const y = Math.min(doc.y, doc.page.height - 300);
  doc.fontSize(13).text(content.issuer, right - 240, y + 40, { width: 220, align: 'center' });
  doc.text(content.date, right - 240, y + 62, { width: 220, align: 'center' });
  // The seal overlaps the issuer line and date, as a stamp does (骑名盖章).
  if (content.sealPng) doc.image(content.sealPng, right - 200, y - 20, { width: 140, height: 140 });
  else drawSeal(doc as unknown as Parameters<typeof drawSeal>[0], content.seal, right - 200, y - 20, 140, 'cjk');
  // Inside the bottom margin's edge: text placed past it would make pdfkit start a new page.
  doc.fontSize(9).fillColor('#595959').text(content.footer, doc.page.margins.left, doc.page.height - doc.page.margins.bottom - 30, { width: right - doc.page.margins.left, align: 'center' });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export interface PdfSigner {
  key: PrivateKey;
  certificate: Buffer;
  chain: Buffer[];
}

/** CMS SignedData (detached, adbe.pkcs7.detached) over `content`, signed attributes included. */
export function cmsSign(content: Uint8Array, signer: PdfSigner, signingTime: Date): Buffer {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(signer.certificate));
  const digest = createHash('sha256').update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
      new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
      new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest })] }),
    ],
  });
  // The signature covers the attributes as a SET OF (tag 0x31), not as the [0] they are stored under.
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: signData(signer.key, toSign) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    certificates: [cert, ...signer.chain.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

class CmsSigner extends Signer {
  readonly signer: PdfSigner;
  constructor(signer: PdfSigner) {
    super();
    this.signer = signer;
  }
  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    return cmsSign(pdfBuffer, this.signer, signingTime ?? new Date());
  }
}

export interface PdfSignatureInfo {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
}

/** Adds an invisible signature field and signs the whole file; the visible seal is already on the page. */
export async function signPdf(pdf: Buffer, signer: PdfSigner, info: PdfSignatureInfo, signingTime: Date): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    ...info,
    signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Qingdan',
  });
  return signpdf.sign(withPlaceholder, new CmsSigner(signer), signingTime);
}

export interface PdfSignature {
  /** The bytes the signature covers (the file minus the /Contents hex string). */
  signedBytes: Buffer;
  cms: Buffer;
  /** Whether the signed ranges reach the end of the file (nothing appended after signing). */
  coversWholeFile: boolean;
}

/** The last signature of a PDF, or undefined when the file has none (or is not a PDF). */
export function extractPdfSignature(pdf: Buffer): PdfSignature | undefined {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return undefined;
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return undefined;
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 100));
  if (!m) return undefined;
  const [a, b, c, d] = m.slice(1).map(Number);
  if (a !== 0 || c < a + b || c + d > pdf.length) return undefined;
  const hex = text.slice(a + b, c).trim().replace(/^</, '').replace(/>$/, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const contents = Buffer.from(hex, 'hex');
  // The placeholder is zero-padded: keep exactly the DER value (a signature may itself end in 00 bytes).
  const cms = contents.subarray(0, derLength(contents) ?? contents.length);
  return { signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms, coversWholeFile: c + d === pdf.length };
}

/** Total length (header + value) of the DER element at the start of `bytes`; undefined when malformed. */
function derLength(bytes: Buffer): number | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[1];
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return 2 + count + length <= bytes.length ? 2 + count + length : undefined;
}

export interface CmsCheck {
  /** The signer's certificate (DER), when the CMS names one it carries. */
  signerCertificate?: Buffer;
  signingTime?: Date;
  digestMatches: boolean;
  signatureValid: boolean;
}

/** Checks a detached CMS SignedData over `content`: the messageDigest attribute and the signer's signature. */
export function cmsVerify(cms: Buffer, content: Uint8Array): CmsCheck | undefined {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    if (info.contentType !== OID_SIGNED_DATA) return undefined;
    const signedData = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo?.signedAttrs) return undefined;
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    const cert = (signedData.certificates ?? []).find(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer),
    );
    const attr = (type: string) => signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
    const digestAttr = attr(OID_MESSAGE_DIGEST) as asn1js.OctetString | undefined;
    const timeAttr = attr(OID_SIGNING_TIME) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
    const digest = createHash('sha256').update(content).digest();
    const digestMatches = !!digestAttr && Buffer.from(digestAttr.valueBlock.valueHexView).equals(digest);
    const signed = Buffer.from(signerInfo.signedAttrs.encodedValue);
    signed[0] = 0x31;
    const certDer = cert ? Buffer.from(cert.toSchema(true).toBER(false)) : undefined;
    const spki = cert ? Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)) : undefined;
    const signatureValid = !!spki && verifyData(spki, signed, new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    return { signerCertificate: certDer, signingTime: timeAttr?.toDate(), digestMatches, signatureValid };
  } catch {
    return undefined;
  }
}
