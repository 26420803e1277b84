// Check characters and code builders for national identifiers (STANDARDS.md §3–§4).
// Shared by browser and server: no imports, no Node APIs.

/** Error raised by the code builders; `code` is stable, `message` is shown to users. */
export class CodeError extends Error {
  readonly code:
    | 'CODE.INVALID_USCC'
    | 'CODE.INVALID_ORGANISATION_CODE'
    | 'CODE.INVALID_LEVEL'
    | 'CODE.INVALID_BASIC_CODE'
    | 'CODE.INVALID_IMPLEMENTATION_CODE'
    | 'CODE.INVALID_SEQUENCE'
    | 'CODE.INVALID_LICENCE_TYPE'
    | 'CODE.INVALID_LICENCE_SERIAL'
    | 'CODE.INVALID_LICENCE_VERSION'
    | 'CODE.INVALID_LICENCE_BODY';

  constructor(code: CodeError['code'], message: string) {
    super(message);
    this.name = 'CodeError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100) and its inner organisation code (GB 11714)

// 31 symbols: I O S V Z are excluded so that the code survives handwriting.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_BODY = /^[0-9A-HJ-NP-RTUWXY]{17}$/;
const USCC_FULL = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

// GB 11714 values letters A=10 … Z=35, i.e. the base-36 digit value.
const BASE36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORGANISATION_BODY = /^[0-9A-Z]{8}$/;

/**
 * Check character (position 18) of a USCC from its first 17 characters.
 * @throws {CodeError} CODE.INVALID_USCC when `first17` is not 17 characters of the USCC alphabet.
 */
export function usccCheckCharacter(first17: string): string {
  if (!USCC_BODY.test(first17)) {
    throw new CodeError('CODE.INVALID_USCC', '统一社会信用代码前17位须为数字或大写字母（不含I、O、S、V、Z）');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * GB 11714 organisation-code check character (USCC position 17) from its 8-character body.
 * @throws {CodeError} CODE.INVALID_ORGANISATION_CODE when `first8` is not 8 digits or capital letters.
 */
export function organisationCodeCheckCharacter(first8: string): string {
  if (!ORGANISATION_BODY.test(first8)) {
    throw new CodeError('CODE.INVALID_ORGANISATION_CODE', '组织机构代码本体须为8位数字或大写字母');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += BASE36_ALPHABET.indexOf(first8[i]!) * ORGANISATION_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when `code` is an 18-character USCC passing both the GB 32100 and the inner GB 11714 check. */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || !USCC_FULL.test(code)) return false;
  return (
    code[17] === usccCheckCharacter(code.slice(0, 17)) &&
    code[16] === organisationCodeCheckCharacter(code.slice(8, 16))
  );
}

// ---------------------------------------------------------------------------
// 公民身份号码 (GB 11643)

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';
const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;
// China has had no daylight saving since 1991: "today" is the UTC+8 calendar date.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * True when `id` is an 18-character resident ID number with a real birth date (1800 or later, not
 * after `today` in Beijing time) and a matching check character; a lowercase `x` is accepted.
 */
export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  if (typeof id !== 'string' || !RESIDENT_ID_SHAPE.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const now = new Date(today.getTime() + BEIJING_OFFSET_MS);
  const todayNumber = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  if (year * 10000 + month * 100 + day > todayNumber) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return id[17]!.toUpperCase() === RESIDENT_ID_CHECK[sum % 11];
}

/** Storage form of a resident ID number: trimmed, check character `x` written as `X`. */
export function normaliseResidentId(id: string): string {
  return id.trim().toUpperCase();
}

/** Display form that never leaks the birth date: first 6, eight `*`, last 4 (`150626********0017`). */
export function maskResidentId(id: string): string {
  const normalised = normaliseResidentId(id);
  // Anything that is not 18 characters is masked completely rather than guessed at.
  if (normalised.length !== 18) return '*'.repeat(normalised.length);
  return `${normalised.slice(0, 6)}********${normalised.slice(14)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------
// 电子证照标识 (GB/T 36904): ISO/IEC 7064 hybrid MOD 37,36

const LICENCE_PREFIX = '1.2.156.3005.2.';
const LICENCE_BODY = /^[0-9A-Z]+$/;
// Licence type = defining authority's USCC (18) + 3-digit sequence.
const LICENCE_TYPE = /^[0-9A-HJ-NP-RTUWXY]{18}\d{3}$/;
const LICENCE_SERIAL = /^[0-9A-Z]+$/;
const LICENCE_VERSION = /^\d{3}$/;

/**
 * ISO/IEC 7064 MOD 37,36 check character over `body` (type + issuer + serial + version, no dots).
 * @throws {CodeError} CODE.INVALID_LICENCE_BODY when `body` is empty or not digits and capital letters.
 */
export function licenceCheckCharacter(body: string): string {
  if (!LICENCE_BODY.test(body)) {
    throw new CodeError('CODE.INVALID_LICENCE_BODY', '电子证照标识校验内容须为数字或大写字母');
  }
  let p = 36;
  for (const ch of body) {
    const t = (p + BASE36_ALPHABET.indexOf(ch)) % 36;
    p = (2 * (t === 0 ? 36 : t)) % 37;
  }
  return BASE36_ALPHABET[(37 - p) % 36]!;
}

/** True for a full dotted licence identifier `1.2.156.3005.2.<type>.<issuer USCC>.<serial>.<version>.<check>`. */
export function isValidLicenceIdentifier(id: string): boolean {
  if (typeof id !== 'string' || !id.startsWith(LICENCE_PREFIX)) return false;
  const parts = id.slice(LICENCE_PREFIX.length).split('.');
  if (parts.length !== 5) return false;
  const [typeCode, issuerUscc, serial, version, check] = parts as [string, string, string, string, string];
  if (!isValidLicenceType(typeCode) || !isValidUscc(issuerUscc)) return false;
  if (!LICENCE_SERIAL.test(serial) || !LICENCE_VERSION.test(version)) return false;
  return check.length === 1 && check === licenceCheckCharacter(typeCode + issuerUscc + serial + version);
}

/**
 * Full dotted licence identifier with its check character; a numeric `version` is zero-padded to 3 digits.
 * @throws {CodeError} CODE.INVALID_LICENCE_TYPE, CODE.INVALID_USCC, CODE.INVALID_LICENCE_SERIAL or CODE.INVALID_LICENCE_VERSION.
 */
export function buildLicenceIdentifier(parts: {
  typeCode: string;
  issuerUscc: string;
  serial: string;
  version: number | string;
}): string {
  const { typeCode, issuerUscc, serial } = parts;
  if (!isValidLicenceType(typeCode)) {
    throw new CodeError('CODE.INVALID_LICENCE_TYPE', '证照类型代码须为定义机构统一社会信用代码加3位顺序号');
  }
  if (!isValidUscc(issuerUscc)) {
    throw new CodeError('CODE.INVALID_USCC', '发证机构统一社会信用代码无效');
  }
  if (!LICENCE_SERIAL.test(serial)) {
    throw new CodeError('CODE.INVALID_LICENCE_SERIAL', '证照顺序号须为数字或大写字母');
  }
  const version =
    typeof parts.version === 'number' && Number.isInteger(parts.version) && parts.version >= 0 && parts.version <= 999
      ? String(parts.version).padStart(3, '0')
      : String(parts.version);
  if (!LICENCE_VERSION.test(version)) {
    throw new CodeError('CODE.INVALID_LICENCE_VERSION', '证照版本号须为3位数字');
  }
  const body = typeCode + issuerUscc + serial + version;
  return `${LICENCE_PREFIX}${typeCode}.${issuerUscc}.${serial}.${version}.${licenceCheckCharacter(body)}`;
}

function isValidLicenceType(typeCode: string): boolean {
  return LICENCE_TYPE.test(typeCode) && isValidUscc(typeCode.slice(0, 18));
}

// ---------------------------------------------------------------------------
// 实施编码 (31) and 业务办理项编码 (33), GB/T 39554.1

const LEVEL_DIGIT = /^[1-6]$/;
const BASIC_CODE = /^[0-9A-Z]{12}$/;
const SEQUENCE_DIGITS = /^\d{2}$/;

/**
 * 实施编码 = implementing organisation's USCC (18) + 行使层级 digit 1–6 + 基本编码 (12).
 * @throws {CodeError} CODE.INVALID_USCC, CODE.INVALID_LEVEL or CODE.INVALID_BASIC_CODE.
 */
export function buildImplementationCode(orgUscc: string, levelDigit: number | string, basicCode: string): string {
  if (!isValidUscc(orgUscc)) {
    throw new CodeError('CODE.INVALID_USCC', '实施主体统一社会信用代码无效');
  }
  const level = String(levelDigit);
  if (!LEVEL_DIGIT.test(level)) {
    throw new CodeError('CODE.INVALID_LEVEL', '行使层级须为1至6的一位数字');
  }
  if (!BASIC_CODE.test(basicCode)) {
    throw new CodeError('CODE.INVALID_BASIC_CODE', '基本编码须为12位数字或大写字母，不含分隔符');
  }
  return orgUscc + level + basicCode;
}

/** True for a 31-character 实施编码 whose USCC, level digit and 基本编码 are each valid. */
export function isValidImplementationCode(code: string): boolean {
  return (
    typeof code === 'string' &&
    code.length === 31 &&
    isValidUscc(code.slice(0, 18)) &&
    LEVEL_DIGIT.test(code[18]!) &&
    BASIC_CODE.test(code.slice(19))
  );
}

/**
 * 业务办理项编码 (33) = 实施编码 + 2-digit sequence `01`…`99` (新设/变更/延续/注销 each get one).
 * @throws {CodeError} CODE.INVALID_IMPLEMENTATION_CODE or CODE.INVALID_SEQUENCE.
 */
export function buildHandlingItemCode(implementationCode: string, seq: number): string {
  if (!isValidImplementationCode(implementationCode)) {
    throw new CodeError('CODE.INVALID_IMPLEMENTATION_CODE', '实施编码无效');
  }
  const digits = Number.isInteger(seq) && seq >= 1 && seq <= 99 ? String(seq).padStart(2, '0') : '';
  if (!SEQUENCE_DIGITS.test(digits)) {
    throw new CodeError('CODE.INVALID_SEQUENCE', '业务办理项顺序号须为1至99的整数');
  }
  return implementationCode + digits;
}
