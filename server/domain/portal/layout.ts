// The portal's shared chrome: the visitor's preferences (language, elder-friendly mode) from `?lang=`/`?elder=` or
// their cookies, the header with navigation and language links on every page, and sending a page with its ETag.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, page, type Html } from './html.ts';
import { DEFAULT_LANG, hasOwn, LANG_NAMES, LANGS, parseLang, t, type Lang, type MessageKey } from './i18n.ts';

export const LANG_COOKIE = 'qingdan_lang';
export const ELDER_COOKIE = 'qingdan_elder';
const YEAR_S = 365 * 24 * 3600;

export type NavKey = 'home' | 'items' | 'publications' | 'asOf' | 'dashboard' | 'verify' | 'feedback';

/** What every portal page needs to draw its frame in the visitor's language and mode. */
export interface Chrome {
  lang: Lang;
  elder: boolean;
  siteName: string;
  /** The requested path and query: language and mode links keep the rest of it. */
  url: string;
  current?: NavKey;
}

/** The visitor's language and elder mode: a query parameter wins and is remembered in a cookie for a year. */
export function readPrefs(request: FastifyRequest, reply: FastifyReply): { lang: Lang; elder: boolean } {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const cookies = request.cookies ?? {};
  const opts = { path: '/', maxAge: YEAR_S, sameSite: 'lax' as const, httpOnly: true };
  let lang = parseLang(cookies[LANG_COOKIE]) ?? DEFAULT_LANG;
  const asked = parseLang(query.lang);
  if (asked) {
    lang = asked;
    reply.setCookie(LANG_COOKIE, asked, opts);
  }
  let elder = cookies[ELDER_COOKIE] === '1';
  if (query.elder === '1' || query.elder === '0') {
    elder = query.elder === '1';
    reply.setCookie(ELDER_COOKIE, query.elder, opts);
  }
  return { lang, elder };
}

/** A message as HTML: Mongolian marked for its font and vertical setting, a Chinese fallback marked as Chinese. */
export function tr(lang: Lang, key: MessageKey): Html {
  if (lang !== 'mn-Mong') return html`${t(lang, key)}`;
  return hasOwn(lang, key) ? html`<span class="mn" lang="mn-Mong">${t(lang, key)}</span>` : html`<span lang="zh-CN">${t(lang, key)}</span>`;
}

/** The current URL with one query parameter set (and the cursor kept). */
function withParam(url: string, key: string, value: string): string {
  const u = new URL(url, 'http://portal.invalid');
  u.searchParams.set(key, value);
  return `${u.pathname}?${u.searchParams.toString()}`;
}

const NAV: Array<{ key: NavKey; href: string; label: MessageKey }> = [
  { key: 'home', href: '/', label: 'navHome' },
  { key: 'items', href: '/items', label: 'navItems' },
  { key: 'publications', href: '/publications', label: 'navPublications' },
  { key: 'asOf', href: '/as-of', label: 'navAsOf' },
  { key: 'dashboard', href: '/dashboard', label: 'navDashboard' },
  { key: 'verify', href: '/verify', label: 'navVerify' },
  { key: 'feedback', href: '/feedback', label: 'navFeedback' },
];

/** The header: site name, main navigation, language links and the elder-mode switch. */
export function chromeHeader(c: Chrome): Html {
  const langLinks = LANGS.map((l) =>
    l === c.lang
      ? html`<strong lang="${l}" class="${l === 'mn-Mong' ? 'mn' : ''}">${LANG_NAMES[l]}</strong>`
      : html`<a href="${withParam(c.url, 'lang', l)}" lang="${l}" hreflang="${l}" class="${l === 'mn-Mong' ? 'mn' : ''}">${LANG_NAMES[l]}</a>`,
  );
  return html`<header><div class="topbar"><p class="site"><a href="/">${c.siteName}</a></p>
<p class="prefs"><span>${tr(c.lang, 'langLabel')}：</span>${langLinks}<a class="mode" href="${withParam(c.url, 'elder', c.elder ? '0' : '1')}">${tr(c.lang, c.elder ? 'elderOff' : 'elderOn')}</a></p></div>
<nav class="main" aria-label="${t(c.lang, 'navLabel')}"><ul>${NAV.map(
    (n) => html`<li><a href="${n.href}"${n.key === c.current ? html` aria-current="page"` : ''}>${tr(c.lang, n.label)}</a></li>`,
  )}</ul></nav></header>`;
}

export const CHROME_CSS = `
header .topbar{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem}header .site{margin:0;font-size:1.125rem;font-weight:600}
.prefs{margin:0 0 0 auto;font-size:.875rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}.prefs .mode{margin-left:.75rem;font-weight:600}
nav.main ul{margin:.5rem 0 0;gap:.25rem 1.25rem}nav.main a{display:inline-block;padding:.2rem 0;text-decoration:none}nav.main a[aria-current]{text-decoration:underline;text-underline-offset:4px;font-weight:700}
.mn{font-family:"Noto Sans Mongolian","Mongolian Baiti","Menksoft Qagan",sans-serif}
nav.main .mn{writing-mode:vertical-lr;min-height:3em;line-height:1.4}
h1 .mn,h2 .mn,h3 .mn,caption .mn{display:inline-block;writing-mode:vertical-lr;max-height:14em;vertical-align:top;line-height:1.3}
html.elder{font-size:21px;--fg:#000;--muted:#222;--accent:#7f0000;--line:#000}html.elder body{line-height:1.75}
html.elder main a{color:#00007a;text-decoration:underline}html.elder a:focus,html.elder button:focus,html.elder input:focus,html.elder select:focus{outline:4px solid #000;outline-offset:2px}
html.elder nav.main a,html.elder .prefs a,html.elder button,html.elder input,html.elder select,html.elder summary{min-height:48px;min-width:48px;box-sizing:border-box}
html.elder nav.main a,html.elder .prefs a{display:inline-flex;align-items:center}html.elder button{padding:.5rem 1.25rem}
html.elder main{max-width:70rem}html.elder th,html.elder td{border-color:#000}html.elder .note{color:#222}
@media print{header nav.main,.prefs{display:none}}
`;

/** Options of the page frame for a chrome: the document language and the classes that switch modes. */
export function frameOptions(c: Chrome): { lang: string; className?: string; skip: string } {
  const classes = [c.elder ? 'elder' : '', c.lang === 'mn-Mong' ? 'mong' : ''].filter(Boolean).join(' ');
  return { lang: c.lang, className: classes || undefined, skip: t(c.lang, 'skip') };
}

/** A whole portal page: chrome header, a main element (Chinese where data is Chinese), footer. */
export function portalPage(c: Chrome, title: string, main: Html, css: string): string {
  const body = html`${chromeHeader(c)}
<main id="main"${c.lang === 'mn-Mong' ? html` lang="zh-CN"` : ''}>${main}</main>
<footer>${c.siteName} · ${tr(c.lang, 'footer')}</footer>`;
  return page(title, body, frameOptions(c)).replace('</head>', `<style>${css}${CHROME_CSS}</style></head>`);
}

/** Whether the request's If-None-Match names this ETag (weak or strong, or `*`). */
export function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((x) => {
    const tag = x.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** The ETag suffix for the visitor's language and mode (empty for the defaults). */
export function prefsTag(c: { lang: Lang; elder: boolean }): string {
  return `${c.lang === DEFAULT_LANG ? '' : `-${c.lang}`}${c.elder ? '-elder' : ''}`;
}

/**
 * Sends an HTML page. With an ETag: revalidated by browsers after a minute, 304 when unchanged. Pages vary by the
 * language and mode cookies, so caches key on them too.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: string | (() => string), options: { status?: number; etag?: string } = {}): FastifyReply {
  reply.header('vary', 'Cookie').type('text/html; charset=utf-8');
  if (options.etag) {
    reply.header('etag', options.etag).header('cache-control', 'public, max-age=60, must-revalidate');
    if (etagMatches(request, options.etag)) return reply.status(304).send();
  } else {
    reply.header('cache-control', 'no-cache');
  }
  return reply.status(options.status ?? 200).send(typeof body === 'function' ? body() : body);
}
