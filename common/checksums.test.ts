import { describe, it, expect } from 'vitest';
import {
  CodeError,
  buildHandlingItemCode,
  buildImplementationCode,
  buildLicenceIdentifier,
  isValidImplementationCode,
  isValidLicenceIdentifier,
  isValidResidentId,
  isValidUscc,
  licenceCheckCharacter,
  maskResidentId,
  normaliseResidentId,
  organisationCodeCheckCharacter,
  usccCheckCharacter,
} from './checksums.ts';

// STANDARDS.md §4 vectors.
const VALID_USCCS = [
  '91350100M000100Y43',
  '11650000010183859F',
  '12441500196720244T',
  '11511301008778183N',
  '115113010833722043',
  '11150626990000017B',
  '111506269900000256',
  '111506269900000331',
  '11150626990000041U',
  '1115062699000005XK',
  '9215062699000099XF',
];
const VALID_RESIDENT_IDS = ['11010519491231002X', '440524188001010014', '150626199001010017', '150626198512310025'];
const VALID_LICENCE_IDS = [
  '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S',
];

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const EXTRA = 'IOSVZax.- ';
const TODAY = new Date('2026-06-15T04:00:00Z');

/** Every string differing from `s` in exactly one character, drawn from `pool`, at every position. */
function singleCharacterMutations(s: string, pool: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    for (const ch of pool) {
      if (ch !== s[i]) out.push(s.slice(0, i) + ch + s.slice(i + 1));
    }
  }
  return out;
}

describe('USCC (GB 32100)', () => {
  it.each(VALID_USCCS)('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
  });

  it.each(VALID_USCCS)('rejects every single-character mutation of %s', (code) => {
    const mutations = singleCharacterMutations(code, USCC_ALPHABET + EXTRA);
    expect(mutations.length).toBeGreaterThan(18 * 30);
    expect(mutations.filter((m) => isValidUscc(m))).toEqual([]);
  });

  it('rejects lowercase, the excluded letters I O S V Z, and wrong lengths', () => {
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('11150626990000017b')).toBe(false);
    for (const letter of 'IOSVZ') {
      // GB 11714 alone would accept the letter (I = 18), so only the USCC alphabet rule rejects it.
      const first16 = `11150626${letter}9000001`;
      const first17 = first16 + organisationCodeCheckCharacter(first16.slice(8));
      for (const check of USCC_ALPHABET) expect(isValidUscc(first17 + check)).toBe(false);
      expect(() => usccCheckCharacter(first17)).toThrow(CodeError);
    }
    expect(isValidUscc('11150626990000017')).toBe(false);
    expect(isValidUscc('11150626990000017BB')).toBe(false);
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc(' 11150626990000017B')).toBe(false);
  });

  it('requires the inner GB 11714 check as well as the outer check', () => {
    // Position 17 wrong, position 18 recomputed to match: only the organisation-code check catches it.
    const first16 = '1115062699000001';
    const wrong17 = first16 + '8';
    const code = wrong17 + usccCheckCharacter(wrong17);
    expect(organisationCodeCheckCharacter('99000001')).toBe('7');
    expect(isValidUscc(code)).toBe(false);
  });

  it('maps organisation-code check values 10 to X and 11 to 0', () => {
    expect(organisationCodeCheckCharacter('99000005')).toBe('X');
    expect(organisationCodeCheckCharacter('99000002')).toBe('5');
    // 3·1 + 7·0 + … + 2·4 = 11 → 11 − 0 = 11 → '0'.
    expect(organisationCodeCheckCharacter('10000004')).toBe('0');
  });

  it('throws CodeError on malformed helper input', () => {
    expect(() => usccCheckCharacter('1115062699000001')).toThrow(CodeError);
    expect(() => organisationCodeCheckCharacter('9900000')).toThrow(CodeError);
    expect(() => organisationCodeCheckCharacter('9900000a')).toThrow(CodeError);
    try {
      usccCheckCharacter('short');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CodeError);
      expect((error as CodeError).code).toBe('CODE.INVALID_USCC');
      expect((error as CodeError).message).toMatch(/统一社会信用代码/);
    }
  });
});

describe('resident ID number (GB 11643)', () => {
  it.each(VALID_RESIDENT_IDS)('accepts %s', (id) => {
    expect(isValidResidentId(id, TODAY)).toBe(true);
  });

  it.each(VALID_RESIDENT_IDS)('rejects every single-character mutation of %s', (id) => {
    const mutations = singleCharacterMutations(id, '0123456789XABC -');
    // x ↔ X is the same number, not a mutation.
    const real = mutations.filter((m) => m.toUpperCase() !== id.toUpperCase());
    expect(real.filter((m) => isValidResidentId(m, TODAY))).toEqual([]);
  });

  it('accepts a lowercase x and normalises it to X', () => {
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true);
    expect(normaliseResidentId('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseResidentId(' 150626199001010017 ')).toBe('150626199001010017');
  });

  it('rejects wrong lengths', () => {
    expect(isValidResidentId('15062619900101001', TODAY)).toBe(false);
    expect(isValidResidentId('1506261990010100170', TODAY)).toBe(false);
    expect(isValidResidentId('', TODAY)).toBe(false);
  });

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const birth of ['19490230', '19490431', '19491301', '19490001', '19490100', '19000229', '17991231']) {
      const first17 = `110105${birth}002`;
      expect(isValidResidentId(first17 + residentCheck(first17), TODAY), birth).toBe(false);
    }
    // Leap day in a leap year is a real date.
    expect(isValidResidentId(`11010520000229002${residentCheck('11010520000229002')}`, TODAY)).toBe(true);
  });

  it('rejects a birth date in the future, judged on the Beijing calendar date', () => {
    const first17 = '15062620260616001';
    const id = first17 + residentCheck(first17);
    // 2026-06-15T16:30Z is 00:30 on 16 June in Beijing: born today, valid.
    expect(isValidResidentId(id, new Date('2026-06-15T16:30:00Z'))).toBe(true);
    // 2026-06-15T15:30Z is still 15 June in Beijing: born tomorrow, invalid.
    expect(isValidResidentId(id, new Date('2026-06-15T15:30:00Z'))).toBe(false);
    expect(isValidResidentId(id, TODAY)).toBe(false);
  });

  it('masks all but the division code and the last four characters', () => {
    expect(maskResidentId('150626199001010017')).toBe('150626********0017');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId('123')).toBe('***');
  });
});

describe('licence identifier (GB/T 36904, ISO/IEC 7064 MOD 37,36)', () => {
  it.each(VALID_LICENCE_IDS)('accepts %s', (id) => {
    expect(isValidLicenceIdentifier(id)).toBe(true);
    const [typeCode, issuerUscc, serial, version, check] = id.slice('1.2.156.3005.2.'.length).split('.') as [
      string,
      string,
      string,
      string,
      string,
    ];
    expect(licenceCheckCharacter(typeCode + issuerUscc + serial + version)).toBe(check);
    expect(buildLicenceIdentifier({ typeCode, issuerUscc, serial, version })).toBe(id);
  });

  it.each(VALID_LICENCE_IDS)('rejects every single-character mutation of %s', (id) => {
    const mutations = singleCharacterMutations(id, BASE36 + 'ax.-');
    expect(mutations.filter((m) => isValidLicenceIdentifier(m))).toEqual([]);
  });

  it('rejects structural damage', () => {
    const [id] = VALID_LICENCE_IDS as [string];
    expect(isValidLicenceIdentifier(id.toLowerCase())).toBe(false);
    expect(isValidLicenceIdentifier(id.replace('.001.', '.01.'))).toBe(false);
    expect(isValidLicenceIdentifier(id.slice(0, -2))).toBe(false);
    expect(isValidLicenceIdentifier(`${id}.F`)).toBe(false);
    expect(isValidLicenceIdentifier(id.replace('1.2.156.3005.2.', ''))).toBe(false);
  });

  it('pads a numeric version and validates each part when building', () => {
    const parts = { typeCode: '11100000000013338W032', issuerUscc: '11150626990000017B', serial: '2025000001' };
    const built = buildLicenceIdentifier({ ...parts, version: 1 });
    expect(built).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W032\.11150626990000017B\.2025000001\.001\.[0-9A-Z]$/);
    expect(isValidLicenceIdentifier(built)).toBe(true);
    expect(() => buildLicenceIdentifier({ ...parts, version: 1000 })).toThrow(CodeError);
    expect(() => buildLicenceIdentifier({ ...parts, version: '1' })).toThrow(CodeError);
    expect(() => buildLicenceIdentifier({ ...parts, issuerUscc: '11150626990000017C', version: 1 })).toThrow(CodeError);
    expect(() => buildLicenceIdentifier({ ...parts, typeCode: '11100000000013338W03', version: 1 })).toThrow(CodeError);
    expect(() => buildLicenceIdentifier({ ...parts, serial: '2025-01', version: 1 })).toThrow(CodeError);
    expect(() => licenceCheckCharacter('')).toThrow(CodeError);
    expect(() => licenceCheckCharacter('abc')).toThrow(CodeError);
  });
});

describe('implementation and handling-item codes (GB/T 39554.1)', () => {
  const EXAMPLE = '111506269900000256' + '4' + '150000000001';

  it('builds the STANDARDS §3 example and its handling items', () => {
    expect(buildImplementationCode('111506269900000256', 4, '150000000001')).toBe(EXAMPLE);
    expect(buildImplementationCode('111506269900000256', '4', '150000000001')).toBe(EXAMPLE);
    expect(EXAMPLE).toHaveLength(31);
    expect(isValidImplementationCode(EXAMPLE)).toBe(true);
    expect(buildHandlingItemCode(EXAMPLE, 1)).toBe(`${EXAMPLE}01`);
    expect(buildHandlingItemCode(EXAMPLE, 99)).toBe(`${EXAMPLE}99`);
    expect(buildHandlingItemCode(EXAMPLE, 1)).toHaveLength(33);
  });

  it('rejects a bad USCC, level or basic code with a named CodeError', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof CodeError ? error.code : 'not a CodeError';
      }
      return undefined;
    };
    expect(codeOf(() => buildImplementationCode('111506269900000257', 4, '150000000001'))).toBe('CODE.INVALID_USCC');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 0, '150000000001'))).toBe('CODE.INVALID_LEVEL');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 7, '150000000001'))).toBe('CODE.INVALID_LEVEL');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 4.5, '150000000001'))).toBe('CODE.INVALID_LEVEL');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 4, '15000000001'))).toBe('CODE.INVALID_BASIC_CODE');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 4, '15-000000001'))).toBe('CODE.INVALID_BASIC_CODE');
    expect(codeOf(() => buildImplementationCode('111506269900000256', 4, '15000000000a'))).toBe('CODE.INVALID_BASIC_CODE');
    expect(codeOf(() => buildHandlingItemCode(EXAMPLE, 0))).toBe('CODE.INVALID_SEQUENCE');
    expect(codeOf(() => buildHandlingItemCode(EXAMPLE, 100))).toBe('CODE.INVALID_SEQUENCE');
    expect(codeOf(() => buildHandlingItemCode(EXAMPLE, 1.5))).toBe('CODE.INVALID_SEQUENCE');
    expect(codeOf(() => buildHandlingItemCode(EXAMPLE.slice(1), 1))).toBe('CODE.INVALID_IMPLEMENTATION_CODE');
  });

  it('rejects implementation codes with a damaged part', () => {
    expect(isValidImplementationCode(EXAMPLE.slice(0, 30))).toBe(false);
    expect(isValidImplementationCode(`${EXAMPLE}0`)).toBe(false);
    expect(isValidImplementationCode(EXAMPLE.replace('256' + '4', '257' + '4'))).toBe(false);
    expect(isValidImplementationCode(EXAMPLE.slice(0, 18) + '9' + EXAMPLE.slice(19))).toBe(false);
    expect(isValidImplementationCode(EXAMPLE.slice(0, 30) + 'a')).toBe(false);
  });
});

// Independent re-statement of the GB 11643 check, so the date tests isolate the date rule.
function residentCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}
