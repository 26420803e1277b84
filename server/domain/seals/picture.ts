// The seal picture in the red round style of Chinese official seals: the org name around the upper
// rim, a five-pointed star in the middle, the seal's purpose below it. One geometry, two renderers
// (SVG for the workbench and the verify page, pdfkit vectors for sealed PDFs), so both look the same.

export const SEAL_RED = '#d2191e';

export interface SealPictureText {
  /** Around the rim, e.g. 乌审旗政务服务局. */
  rim: string;
  /** Under the star, e.g. 电子印章 or 行政审批专用章; may be empty. */
  bottom: string;
}

export interface RimGlyph {
  char: string;
  x: number;
  y: number;
  /** Degrees clockwise from upright. */
  rotate: number;
  size: number;
}

export interface SealGeometry {
  size: number;
  centre: number;
  ringRadius: number;
  ringWidth: number;
  star: Array<[number, number]>;
  rim: RimGlyph[];
  bottom: { text: string; x: number; y: number; size: number };
}

/** Layout of a seal picture in a size × size box (units are the renderer's: px or pt). */
export function sealGeometry(text: SealPictureText, size = 200): SealGeometry {
  const scale = size / 200;
  const c = size / 2;
  const chars = [...text.rim.trim()];
  const n = Math.max(chars.length, 1);
  // Wider arcs for longer names, never past 250°: the bottom stays free for the purpose line.
  const span = Math.min(250, Math.max(120, n * 27));
  const textRadius = 64 * scale;
  const arcLength = (2 * Math.PI * textRadius * span) / 360;
  const glyph = Math.min(28 * scale, (arcLength / n) * 0.9);
  const rim = chars.map((char, i) => {
    const angle = -span / 2 + (span * (i + 0.5)) / n;
    const rad = (angle * Math.PI) / 180;
    return { char, x: c + textRadius * Math.sin(rad), y: c - textRadius * Math.cos(rad), rotate: angle, size: glyph };
  });
  const outer = 30 * scale;
  const inner = outer * 0.382;
  const star: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = ((-90 + k * 36) * Math.PI) / 180;
    star.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
  }
  const bottomChars = [...text.bottom.trim()].length;
  const bottomSize = bottomChars === 0 ? 0 : Math.min(18 * scale, (110 * scale) / bottomChars);
  return {
    size,
    centre: c,
    ringRadius: 92 * scale,
    ringWidth: 6 * scale,
    star,
    rim,
    bottom: { text: text.bottom.trim(), x: c, y: c + 52 * scale, size: bottomSize },
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const num = (v: number) => Number(v.toFixed(2));

/** The seal picture as a standalone SVG document. */
export function sealSvg(text: SealPictureText, size = 200): string {
  const g = sealGeometry(text, size);
  const font = 'font-family="Noto Serif CJK SC,Noto Sans CJK SC,SimSun,serif" font-weight="bold"';
  const rim = g.rim
    .map((r) => `<text x="${num(r.x)}" y="${num(r.y)}" font-size="${num(r.size)}" text-anchor="middle" dominant-baseline="central" transform="rotate(${num(r.rotate)} ${num(r.x)} ${num(r.y)})">${esc(r.char)}</text>`)
    .join('');
  const bottom = g.bottom.text
    ? `<text x="${num(g.bottom.x)}" y="${num(g.bottom.y)}" font-size="${num(g.bottom.size)}" text-anchor="middle" dominant-baseline="central">${esc(g.bottom.text)}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${esc(text.rim)}${esc(text.bottom)}">` +
    `<circle cx="${g.centre}" cy="${g.centre}" r="${num(g.ringRadius)}" fill="none" stroke="${SEAL_RED}" stroke-width="${num(g.ringWidth)}"/>` +
    `<polygon points="${g.star.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${SEAL_RED}"/>` +
    `<g fill="${SEAL_RED}" ${font}>${rim}${bottom}</g></svg>`
  );
}

/** The subset of pdfkit's PDFDocument that drawing a seal needs. */
export interface PdfCanvas {
  save(): this;
  restore(): this;
  translate(x: number, y: number): this;
  rotate(angle: number, options?: { origin?: [number, number] }): this;
  circle(x: number, y: number, r: number): this;
  polygon(...points: Array<[number, number]>): this;
  lineWidth(w: number): this;
  stroke(color?: string): this;
  fill(color?: string): this;
  fillColor(color: string, opacity?: number): this;
  strokeColor(color: string, opacity?: number): this;
  fontSize(size: number): this;
  font(src: string): this;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): this;
}

/**
 * Draws the seal as vectors with its top-left corner at (x, y); `fontName` is a font already
 * registered on the document that has the org name's glyphs.
 */
export function drawSeal(doc: PdfCanvas, text: SealPictureText, x: number, y: number, size: number, fontName: string): void {
  const g = sealGeometry(text, size);
  doc.save();
  doc.translate(x, y);
  doc.lineWidth(g.ringWidth).strokeColor(SEAL_RED, 0.9).circle(g.centre, g.centre, g.ringRadius).stroke();
  doc.fillColor(SEAL_RED, 0.9).polygon(...g.star).fill();
  doc.font(fontName);
  // pdfkit puts the baseline one ascender below y; a CJK glyph's middle sits ~0.38 em above the baseline.
  const ascender = ((doc as unknown as { _font?: { ascender?: number } })._font?.ascender ?? 880) / 1000;
  const middle = ascender - 0.38;
  for (const r of g.rim) {
    doc.save();
    doc.rotate(r.rotate, { origin: [r.x, r.y] });
    doc.fontSize(r.size).fillColor(SEAL_RED, 0.9).text(r.char, r.x - r.size / 2, r.y - r.size * middle, { width: r.size, align: 'center', lineBreak: false });
    doc.restore();
  }
  if (g.bottom.text) {
    const w = g.bottom.size * [...g.bottom.text].length * 1.1;
    doc.fontSize(g.bottom.size).fillColor(SEAL_RED, 0.9).text(g.bottom.text, g.bottom.x - w / 2, g.bottom.y - g.bottom.size * middle, { width: w, align: 'center', lineBreak: false });
  }
  doc.restore();
}
