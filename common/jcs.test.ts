import { describe, expect, it } from 'vitest';
import { canonicalize } from './jcs.ts';

describe('canonicalize (RFC 8785 JCS)', () => {
  it('sorts members by UTF-16 code units, recursively, without whitespace', () => {
    // RFC 8785 §3.2.3's sorting example: keys compared as UTF-16 code units, not code points.
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const values = [...canonicalize(input).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh']);
    expect(canonicalize({ b: [3, { z: 1, a: 2 }], a: '印章' })).toBe('{"a":"印章","b":[3,{"a":2,"z":1}]}');
  });

  it('serialises numbers as ECMAScript does (RFC 8785 appendix B samples)', () => {
    // Parsed from text: the first literal is RFC 8785's deliberately over-precise sample.
    expect(canonicalize(JSON.parse('[333333333.33333329, 1e30, 4.5, 0.002, 1e-27, -0, 9007199254740991]'))).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27,0,9007199254740991]');
  });

  it('matches the RFC 8785 §3.2.2 example output', () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}') as unknown;
    expect(canonicalize(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('drops undefined members and refuses values JSON cannot carry', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalize(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalize({ f: () => 1 })).toThrow(TypeError);
  });
});
