import { describe, expect, it } from 'vitest';
import { extractPdfSignature } from './pdf.ts';

// A minimal file with the layout @signpdf writes: /ByteRange, then the zero-padded /Contents hex string.
function pdfWithContents(cmsHex: string, padBytes: number): Buffer {
  const head = '%PDF-1.3\n1 0 obj\n<< /Type /Sig /ByteRange [0 AAAAAA BBBBBB CCCCCC] /Contents ';
  const contents = `<${cmsHex}${'00'.repeat(padBytes)}>`;
  const tail = ' >>\nendobj\n%%EOF\n';
  const a = head.length;
  const c = a + contents.length;
  const d = tail.length;
  const fixed = head.replace('AAAAAA', String(a).padStart(6, ' ')).replace('BBBBBB', String(c).padStart(6, ' ')).replace('CCCCCC', String(d).padStart(6, ' '));
  return Buffer.from(fixed + contents + tail, 'latin1');
}

describe('extractPdfSignature', () => {
  it('keeps a CMS whose last bytes are zero (only the placeholder padding is dropped)', () => {
    // SEQUENCE { INTEGER 0x0100, INTEGER 0x00 }: the DER value itself ends in 00 00.
    const cms = '3007020201000201' + '00';
    const signature = extractPdfSignature(pdfWithContents(cms, 40))!;
    expect(signature.cms.toString('hex')).toBe(cms);
    expect(signature.coversWholeFile).toBe(true);
  });

  it('reads long-form DER lengths and refuses a file that is not a PDF', () => {
    const body = `0482${(297).toString(16).padStart(4, '0')}${'ab'.repeat(296)}00`;
    const der = `3082${(body.length / 2).toString(16).padStart(4, '0')}${body}`;
    const signature = extractPdfSignature(pdfWithContents(der, 100))!;
    expect(signature.cms.toString('hex')).toBe(der);
    expect(extractPdfSignature(Buffer.from('not a pdf'))).toBeUndefined();
  });
});
