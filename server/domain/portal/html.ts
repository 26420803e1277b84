/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    const text = Array.isArray(v)
      ? v.map((x) => (x instanceof Html ? x.value : escapeHtml(String(x)))).join('')
      : v instanceof Html
        ? v.value
        : v === null || v === undefined || v === false
          ? ''
          : escapeHtml(String(v));
    out += text + strings[i + 1];
  });
  return new Html(out);
}

const STYLE = `
:root{--fg:#1f1f1f;--muted:#595959;--accent:#b0160f;--bg:#fff;--line:#e5e5e5;font-size:16px}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);line-height:1.6}
header{background:var(--accent);color:#fff;padding:1rem 1.5rem}header a{color:#fff}
header h1{margin:0;font-size:1.5rem}main{max-width:60rem;margin:0 auto;padding:1.5rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
a{color:#0b57a4}a:focus{outline:3px solid #ffbf47}
.card{border:1px solid var(--line);border-radius:6px;padding:1rem 1.25rem;margin:1rem 0}
footer{color:var(--muted);font-size:.875rem;text-align:center;padding:2rem 1rem;border-top:1px solid var(--line)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem}
`;

export interface PageOptions {
  lang?: string;
  /** Classes of the <html> element: `elder` (large type, high contrast), `mong` (Mongolian navigation). */
  className?: string;
  /** The skip link's text in the page's language. */
  skip?: string;
}

/** The public page frame: small, readable without JavaScript. */
export function page(title: string, body: Html, options: string | PageOptions = 'zh-CN'): string {
  const o = typeof options === 'string' ? { lang: options } : options;
  return `<!doctype html>${html`<html lang="${o.lang ?? 'zh-CN'}"${o.className ? html` class="${o.className}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${new Html(STYLE)}</style></head><body><a class="skip" href="#main">${o.skip ?? '跳到正文'}</a>${body}</body></html>`.value}`;
}
