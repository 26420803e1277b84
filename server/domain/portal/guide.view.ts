// The service guide (办事指南) and the public item list, rendered from an item's element set only (DOMAIN §2.2):
// the guide is a view of the elements, never a text of its own. Pure functions of their models; no I/O.
import {
  CASE_KINDS, IMPLEMENTER_NATURES, ONLINE_DEPTHS, POWER_SOURCES, SERVICE_RECIPIENTS, TIME_UNITS, type TimeUnit,
} from '../../../common/dictionaries.ts';
import type { ItemElements, TimeLimit } from '../../../common/item-elements.ts';
import { LEVEL_LABELS, type Level } from '../../../common/roles.ts';
import type { PublicFeedback } from '../feedback/feedback.service.ts';
import { answeredFeedback, FEEDBACK_CSS, feedbackForm } from './feedback.view.ts';
import { html, page, type Html } from './html.ts';
import { CHROME_CSS, chromeHeader, frameOptions, type Chrome } from './layout.ts';

export interface GuideModel {
  siteName: string;
  implementationCode: string;
  basicCode: string;
  orgName: string;
  typeLabel: string;
  versionNo: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  changeNote: string | null;
  elements: ItemElements;
  handlingItems: Array<{ code: string; name: string; splitReason: string }>;
  entrustingOrgName: string | null;
  /** The date asked for (`?asOf=`), when the page shows the version effective then. */
  asOf: string | null;
  /** Header with navigation, language and mode links (the printable page has none). */
  chrome?: Chrome;
  /** Public feedback on the item: answered ones are shown, with the form to send more. */
  feedback?: PublicFeedback[];
}

export interface ListModel {
  siteName: string;
  query: { q: string; org: string; type: string; theme?: string; recipient?: string; asOf: string };
  orgs: Array<{ id: string; name: string }>;
  types: Array<{ code: string; label: string }>;
  /** Theme and recipient filters (offered when given). */
  themes?: readonly string[];
  recipients?: Array<{ code: string; label: string }>;
  /** With `asOf`: the publication in force that day (null: none yet). */
  asOfPublication?: { number: string; publishedAt: string } | null;
  chrome?: Chrome;
  items: Array<{ implementationCode: string; name: string; typeLabel: string; orgName: string; promisedTimeLimit: TimeLimit; onlineDepth: number }>;
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  /** Whether this page is not the first one (a cursor was given). */
  paged: boolean;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date (China, UTC+8) of an instant: `2026-03-01`. */
export function chinaDate(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-03-01` → `2026年3月1日`. */
function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `10个工作日`, `3个月`; 0 means done on the spot. */
export function formatLimit(limit: TimeLimit | null | undefined): string {
  if (!limit) return '';
  if (limit.amount === 0) return '即时办结';
  return `${limit.amount}${TIME_UNITS[limit.unit as TimeUnit] ?? limit.unit}`;
}

/** Percentage by which the promised limit undercuts the statutory one (same unit only; otherwise unknown). */
export function compressionPercent(statutory: TimeLimit, promised: TimeLimit): number | null {
  if (statutory.unit !== promised.unit || statutory.amount <= 0) return null;
  return Math.round((1 - promised.amount / statutory.amount) * 100);
}

// Only web and site-relative links become links: anything else (javascript:, data:) is shown as text.
const SAFE_HREF = /^(https?:\/\/|\/(?!\/))/i;

function link(url: string | null | undefined, label: string): Html | string {
  if (!url) return '';
  return SAFE_HREF.test(url) ? html`<a href="${url}">${label}</a>` : html`<span>${label}（${url}）</span>`;
}

function paragraphs(text: string): Html[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean).map((p) => html`<p>${p}</p>`);
}

function itemUrl(code: string, asOf?: string | null, suffix = ''): string {
  return `/items/${code}${suffix}${asOf ? `?asOf=${asOf}` : ''}`;
}

export const GUIDE_CSS = `
.crumbs{max-width:60rem;margin:0 auto;padding:.5rem 1.5rem 0;font-size:.875rem}.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0}
.crumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
header .site{margin:0;font-size:1.125rem;font-weight:600}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.25rem;border-left:4px solid var(--accent);padding-left:.5rem;margin:2rem 0 .75rem}h3{font-size:1.0625rem;margin:1rem 0 .25rem}
.tags{margin:.25rem 0 1rem}.tag{display:inline-block;border:1px solid var(--accent);color:var(--accent);border-radius:3px;padding:0 .4rem;margin:0 .4rem .25rem 0;font-size:.875rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9375rem;margin:.5rem 0}
th,td{border:1px solid #bfbfbf;padding:.4rem .5rem;text-align:left;vertical-align:top}thead th{background:#f2f2f2}
caption{text-align:left;font-weight:600;padding:.25rem 0;caption-side:top}
.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
.note{color:var(--muted);font-size:.875rem;margin:.25rem 0}.free{color:#135200;font-size:.875rem;display:block}
th .note,td .note{display:block;font-weight:normal}.n{white-space:nowrap}tbody th{font-weight:600}
.steps{padding-left:1.5rem}.steps li{margin:.5rem 0}
.notice{background:#fff7e6;border:1px solid #ffd591;border-radius:4px;padding:.5rem 1rem}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}form.inline label{display:flex;flex-direction:column;font-size:.875rem}
input,select,button{font:inherit;padding:.25rem .5rem}button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.35rem 1rem;cursor:pointer}
.pager{display:flex;gap:1.5rem;margin:1rem 0}
@media print{.crumbs,.no-print,form{display:none}header{background:none;color:#000}a{color:#000}}
@media screen and (max-width:40rem){main{padding:1rem}table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block;width:auto}
table.stack caption{display:block;width:auto}table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack tr{border:1px solid #bfbfbf;border-radius:4px;margin:.5rem 0;padding:.4rem .6rem}
table.stack th,table.stack td{border:0;padding:.1rem 0}table.stack td[data-label]::before{content:attr(data-label) "：";color:var(--muted)}
dl.meta{grid-template-columns:1fr}dl.meta dd{margin-bottom:.4rem}}
`;

const PRINT_CSS = `
@page{size:A4;margin:16mm 14mm}
body{font-size:10.5pt;line-height:1.5;color:#000}
header{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 4pt}header a{color:#000;text-decoration:none}
main{max-width:none;padding:0}h1{font-size:18pt}h2{font-size:13pt;border-left:3pt solid #000;break-after:avoid}
a{color:#000}tr,li,dl.meta{break-inside:avoid}thead{display:table-header-group}.screen-only{display:none}
main section a[href^="http"]::after{content:"（" attr(href) "）";font-size:8pt;word-break:break-all}
.tag{border-color:#000;color:#000}footer{border-top:1px solid #000;padding:.5rem 0;color:#000}
@media screen{body{max-width:210mm;margin:1rem auto;padding:8mm 12mm;box-shadow:0 0 6px #bbb}.screen-only{display:block}}
`;

/** The page frame plus this module's styles (the frame's own style sheet stays first), in the visitor's language and mode. */
function framed(title: string, body: Html, css: string, chrome?: Chrome): string {
  return page(title, body, chrome ? frameOptions(chrome) : 'zh-CN').replace('</head>', `<style>${css}${chrome ? CHROME_CSS : ''}</style></head>`);
}

/** The header: the portal chrome when there is one, the plain site line otherwise. */
function siteHeader(siteName: string, chrome?: Chrome): Html {
  return chrome ? chromeHeader(chrome) : html`<header><p class="site"><a href="/">${siteName}</a> · 政务服务事项清单</p></header>`;
}

/** `2026-03-01T…` (an instant) → `2026年3月1日` in China. */
export function longChinaDate(instant: string): string {
  return longDate(chinaDate(instant));
}

function section(id: string, title: string, content: Html | Html[] | string): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${content}</section>`;
}

function metaList(rows: Array<[string, Html | string | number | null | undefined]>): Html {
  return html`<dl class="meta">${rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function citations(el: ItemElements): Html {
  if (el.legalBasis.length === 0) return html`<p>无</p>`;
  return html`<ol>${el.legalBasis.map(
    (c) => html`<li><strong>${c.law}</strong>${c.article ? html` ${c.article}` : ''}${c.level ? html` <span class="note">（${c.level}）</span>` : ''}${
      c.clause ? html`<p class="note">${c.clause}</p>` : ''
    }${c.url ? html` ${link(c.url, '查看原文')}` : ''}</li>`,
  )}</ol>`;
}

function processSteps(el: ItemElements): Html {
  if (el.process.length === 0) return html`<p>无</p>`;
  return html`<ol class="steps">${el.process.map(
    (s) => html`<li><strong>${s.name}</strong>\u3000办理人员：${s.actor}${s.timeLimit ? html`\u3000时限：${formatLimit(s.timeLimit)}` : ''}${
      s.description ? html`<p class="note">${s.description}</p>` : ''
    }</li>`,
  )}</ol>`;
}

function materialsTable(el: ItemElements): Html {
  if (el.materials.length === 0) return html`<p>本事项无需提交申请材料。</p>`;
  const exempt = el.materials.filter((m) => m.satisfiedBy).length;
  return html`<table class="stack"><caption>申请材料清单（共 ${el.materials.length} 项${exempt ? html`，其中 ${exempt} 项免提交` : ''}）</caption>
<thead><tr><th scope="col" class="n">序号</th><th scope="col">材料名称</th><th scope="col" class="n">形式</th><th scope="col" class="n">份数</th><th scope="col" class="n">必要性</th><th scope="col">来源渠道</th><th scope="col">空白表格与示例</th><th scope="col">填写说明</th></tr></thead>
<tbody>${el.materials.map(
    (m, i) => html`<tr><td class="n" data-label="序号">${i + 1}</td><th scope="row">${m.name}${
      m.satisfiedBy ? html`<span class="free">免提交：通过“${m.satisfiedBy}”共享获取，申请人无需提供</span>` : ''
    }${m.legalBasis ? html`<span class="note">依据：${m.legalBasis}</span>` : ''}</th><td class="n" data-label="形式">${m.kind}</td><td class="n" data-label="份数">${m.copies > 0 ? m.copies : '—'}</td><td class="n" data-label="必要性">${m.required}</td><td data-label="来源渠道">${m.source}</td><td data-label="空白表格与示例">${
      m.blankForm || m.sample ? html`${link(m.blankForm, '空白表格')}${m.blankForm && m.sample ? html`<br>` : ''}${link(m.sample, '填写示例')}` : '—'
    }</td><td data-label="填写说明">${m.fillGuide ?? '—'}</td></tr>`,
  )}</tbody></table>`;
}

function timeLimits(el: ItemElements): Html {
  const pct = compressionPercent(el.statutoryTimeLimit, el.promisedTimeLimit);
  return metaList([
    ['法定办结时限', html`${formatLimit(el.statutoryTimeLimit)}${el.statutoryTimeLimit.note ? html`<span class="note">（${el.statutoryTimeLimit.note}）</span>` : ''}`],
    ['承诺办结时限', html`${formatLimit(el.promisedTimeLimit)}${el.promisedTimeLimit.note ? html`<span class="note">（${el.promisedTimeLimit.note}）</span>` : ''}`],
    ['时限压缩', pct !== null && pct > 0 ? `比法定时限压缩 ${pct}%` : null],
    ['办件类型', CASE_KINDS[el.caseKind] ?? String(el.caseKind)],
  ]);
}

function resultBlock(el: ItemElements): Html {
  const r = el.result;
  return metaList([
    ['结果名称', r.name],
    ['结果类型', r.kind],
    ['结果样本', r.sampleFile ? link(r.sampleFile, '查看样本') : null],
    ['电子证照', r.issuesLicenceType ? `同步签发电子证照（${r.issuesLicenceType}）` : null],
  ]);
}

function intermediary(el: ItemElements): Html {
  if (el.intermediaryServices.length === 0) return html`<p>无。本事项不涉及法定中介服务。</p>`;
  return html`<table class="stack"><caption>法定中介服务</caption><thead><tr><th scope="col">中介服务名称</th><th scope="col">设定依据</th><th scope="col">服务机构要求</th><th scope="col">办理时限</th><th scope="col">收费</th></tr></thead>
<tbody>${el.intermediaryServices.map(
    (s) => html`<tr><th scope="row">${s.name}</th><td data-label="设定依据">${s.legalBasis}</td><td data-label="服务机构要求">${s.providerRequirement}</td><td data-label="办理时限">${formatLimit(s.timeLimit) || '—'}</td><td data-label="收费">${s.fee || '—'}</td></tr>`,
  )}</tbody></table>`;
}

function fees(el: ItemElements): Html {
  if (el.fees.length === 0) return html`<p><strong>不收费</strong></p>`;
  return html`<table class="stack"><caption>收费项目</caption><thead><tr><th scope="col">收费项目</th><th scope="col">收费标准</th><th scope="col">收费依据</th></tr></thead>
<tbody>${el.fees.map((f) => html`<tr><th scope="row">${f.name}</th><td data-label="收费标准">${f.standard}</td><td data-label="收费依据">${f.basis}</td></tr>`)}</tbody></table>`;
}

function optimisation(el: ItemElements): Html {
  const o = el.optimisation;
  const row = (label: string, before: string | number, after: string | number) => html`<tr><th scope="row">${label}</th><td>${before}</td><td>${after}</td></tr>`;
  return html`<table><caption>“两优”优化情况</caption><thead><tr><th scope="col">项目</th><th scope="col">优化前</th><th scope="col">优化后</th></tr></thead><tbody>
${row('申请材料（项）', o.materialsBefore, el.materials.filter((m) => !m.satisfiedBy).length)}
${row('办理环节（个）', o.stepsBefore, el.process.length)}
${row('到现场次数（次）', o.visitsBefore, el.visitsRequired)}
${o.timeLimitBefore ? row('办结时限', formatLimit(o.timeLimitBefore), formatLimit(el.promisedTimeLimit)) : ''}
</tbody></table>${o.note ? html`<p class="note">${o.note}</p>` : ''}`;
}

function filingBlock(el: ItemElements): Html | string {
  const f = el.filing;
  if (!f) return '';
  return section('filing', '备案说明', metaList([
    ['备案类别', f.category === 'notice' ? '事后告知类（即来即备，材料齐全当场备案）' : '确认类'],
    ['备案结果', f.output ?? null],
    ['确认时限', f.category === 'confirmation' && f.promisedDays ? `${f.promisedDays}个工作日` : null],
  ]));
}

function faq(el: ItemElements): Html {
  if (el.faq.length === 0) return html`<p>暂无。</p>`;
  return html`${el.faq.map((f, i) => html`<h3 id="faq-${i + 1}">${i + 1}. ${f.question}</h3>${paragraphs(f.answer)}`)}`;
}

/** The service guide (or its printable A4 version) of one item version: every element, escaped. */
export function guidePage(m: GuideModel, options: { print?: boolean } = {}): string {
  const el = m.elements;
  const print = options.print ?? false;
  const since = chinaDate(m.effectiveFrom);
  // Intervals are half-open: the last day a version is in force is the day before its successor starts.
  const until = m.effectiveTo ? chinaDate(new Date(Date.parse(m.effectiveTo) - 1).toISOString()) : null;
  const guideUrl = itemUrl(m.implementationCode, m.asOf);
  const printUrl = itemUrl(m.implementationCode, m.asOf, '/print');
  const level = Number(m.implementationCode[18]) as Level;
  const recipients = el.serviceRecipients.map((r) => SERVICE_RECIPIENTS[r] ?? String(r)).join('、');

  const head = html`<h1>${el.name}</h1>
<p class="tags"><span class="tag">${m.typeLabel}</span><span class="tag">${CASE_KINDS[el.caseKind] ?? ''}</span><span class="tag">${ONLINE_DEPTHS[el.onlineDepth] ?? ''}</span>${
    el.visitsRequired === 0 ? html`<span class="tag">零跑动</span>` : ''
  }</p>
${m.asOf ? html`<p class="notice">您正在查看 ${longDate(m.asOf)} 有效的办事指南（第 ${m.versionNo} 版）。${print ? '' : html`<a href="${itemUrl(m.implementationCode)}">查看现行版本</a>`}</p>` : ''}
${metaList([
    ['实施机构', m.orgName],
    ['实施编码', html`<span class="code">${m.implementationCode}</span>`],
    ['基本编码', html`<span class="code">${m.basicCode}</span>`],
    ['行使层级', LEVEL_LABELS[level] ?? String(level)],
    ['权力来源', POWER_SOURCES[el.powerSource] ?? String(el.powerSource)],
    ['实施主体性质', IMPLEMENTER_NATURES[el.implementerNature] ?? String(el.implementerNature)],
    ['委托机关', m.entrustingOrgName],
  ])}`;

  const handling = m.handlingItems.length
    ? html`<table class="stack"><caption>按办理情形拆分（共 ${m.handlingItems.length} 项）</caption><thead><tr><th scope="col">业务办理项编码</th><th scope="col">名称</th><th scope="col">办理情形</th></tr></thead>
<tbody>${m.handlingItems.map((h) => html`<tr><td class="code" data-label="编码">${h.code}</td><th scope="row">${h.name}</th><td data-label="办理情形">${h.splitReason}</td></tr>`)}</tbody></table>`
    : html`<p>本事项不拆分业务办理项。</p>`;

  const version = html`${metaList([
    ['版本', `第 ${m.versionNo} 版`],
    ['生效日期', longDate(since)],
    ['有效期至', until ? longDate(until) : null],
    ['变更说明', m.changeNote],
    ['本版本链接', print ? `${itemUrl(m.implementationCode, since)}` : html`<a href="${itemUrl(m.implementationCode, since)}">${since} 起有效的版本</a>`],
  ])}${
    print
      ? html`<p class="note">本指南由清单系统依据事项第 ${m.versionNo} 版要素自动生成，以网上公布的现行版本为准：${itemUrl(m.implementationCode)}</p>`
      : html`<form class="inline no-print" method="get" action="/items/${m.implementationCode}"><label>查看某日有效的办事指南<input type="date" name="asOf" value="${m.asOf ?? ''}" required></label><button type="submit">查看</button></form>`
  }`;

  const sections = [
    section('handling', '业务办理项', handling),
    section('conditions', '受理条件', paragraphs(el.acceptanceConditions)),
    section('recipients', '服务对象', html`<p>${recipients}</p>`),
    section('basis', '设定依据', citations(el)),
    section('process', '办理流程', processSteps(el)),
    section('materials', '申请材料', materialsTable(el)),
    section('limits', '办理时限', timeLimits(el)),
    filingBlock(el),
    section('result', '办理结果', resultBlock(el)),
    section('intermediary', '中介服务', intermediary(el)),
    section('fees', '收费标准', fees(el)),
    section('place', '办理地点与时间', metaList([
      ['办理地点', el.place || '—'],
      ['办理时间', el.hours || '—'],
      ['咨询电话', el.consultPhone],
      ['监督投诉电话', el.complaintPhone],
      ['进驻政务服务大厅', el.inServiceHall ? '是' : '否'],
      ['自助终端办理', el.selfServiceTerminal ? '支持' : '不支持'],
    ])),
    section('online', '网上办理', metaList([
      ['网上办理深度', ONLINE_DEPTHS[el.onlineDepth] ?? String(el.onlineDepth)],
      ['网上办事指引', el.onlineGuideUrl ? (print ? el.onlineGuideUrl : link(el.onlineGuideUrl, '前往网上办理')) : '—'],
      ['到办事现场次数', `${el.visitsRequired} 次`],
    ])),
    section('optimisation', '优化情况', optimisation(el)),
    section('faq', '常见问题', faq(el)),
    section('version', '版本信息', version),
    !print && m.feedback ? section('supervision', '社会监督', html`${answeredFeedback(m.feedback)}<h3 id="send-feedback">我要提意见</h3>
<p>发现办事指南有误、要求没有法律依据，或有意见建议，请告诉我们：实施机构在规定的工作日内答复，答复向社会公开。</p>${feedbackForm({ item: m.implementationCode })}`) : '',
  ];

  const title = `${el.name} · 办事指南 · ${m.siteName}`;
  if (print) {
    const body = html`<header><p class="site">${m.siteName} · 政务服务事项办事指南</p></header>
<main id="main"><p class="note screen-only">本页为打印版：请使用浏览器的打印功能（Ctrl+P）输出 A4 纸质版。<a href="${guideUrl}">返回办事指南</a></p>${head}${sections}</main>
<footer>${m.siteName} · 实施编码 ${m.implementationCode} · 第 ${m.versionNo} 版</footer>`;
    return framed(`${title}（打印版）`, body, GUIDE_CSS + PRINT_CSS);
  }
  const body = html`${siteHeader(m.siteName, m.chrome)}
<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/">首页</a></li><li><a href="/items">事项清单</a></li><li aria-current="page">${el.name}</li></ol></nav>
<main id="main">${head}
<p class="actions no-print"><a href="${printUrl}">打印版（A4）</a>${el.onlineGuideUrl ? link(el.onlineGuideUrl, '网上办理') : ''}<a href="/api/public/items/${m.implementationCode}${m.asOf ? `?asOf=${m.asOf}` : ''}">数据接口（JSON）</a></p>
${sections}</main>
<footer>${m.siteName} · 主办\u3000<a href="${guideUrl}">本页链接</a></footer>`;
  return framed(title, body, GUIDE_CSS + FEEDBACK_CSS, m.chrome);
}

/** The public list: search box, filters, the as-of banner, one page of results and a link to the next. */
export function listPage(m: ListModel): string {
  const q = m.query;
  const params = (cursor?: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
    if (cursor) p.set('cursor', cursor);
    const s = p.toString();
    return s ? `/items?${s}` : '/items';
  };
  const count = m.totalCapped ? `${m.total}+` : String(m.total);
  const rows = m.items.map(
    (i) => html`<tr><th scope="row"><a href="${itemUrl(i.implementationCode, q.asOf || null)}">${i.name}</a></th><td data-label="实施机构">${i.orgName}</td><td data-label="事项类型">${i.typeLabel}</td><td data-label="承诺时限">${formatLimit(i.promisedTimeLimit)}</td><td data-label="网上办理">${ONLINE_DEPTHS[i.onlineDepth] ?? ''}</td></tr>`,
  );
  const pub = m.asOfPublication;
  const banner = q.asOf
    ? html`<p class="notice" role="status">您正在查看 <strong>${longDate(q.asOf)}</strong> 有效的清单。${
        pub
          ? html`当日有效的公布版本为<a href="/publications/${encodeURIComponent(pub.number)}">${pub.number}</a>（${longChinaDate(pub.publishedAt)}公布）。`
          : '当日尚无公布的清单版本。'
      }<a href="/items">查看现行清单</a></p>`
    : '';
  const body = html`${siteHeader(m.siteName, m.chrome)}
<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/">首页</a></li><li aria-current="page">事项清单</li></ol></nav>
<main id="main"><h1>政务服务事项清单</h1>${banner}
<form class="inline" method="get" action="/items" role="search" aria-label="事项检索">
<label>关键词、事项名称或编码<input type="search" name="q" value="${q.q}" maxlength="50"></label>
<label>实施机构<select name="org"><option value="">全部机构</option>${m.orgs.map((o) => html`<option value="${o.id}"${o.id === q.org ? html` selected` : ''}>${o.name}</option>`)}</select></label>
<label>事项类型<select name="type"><option value="">全部类型</option>${m.types.map((t) => html`<option value="${t.code}"${t.code === q.type ? html` selected` : ''}>${t.label}</option>`)}</select></label>
${m.themes ? html`<label>主题<select name="theme"><option value="">全部主题</option>${m.themes.map((t) => html`<option${t === q.theme ? html` selected` : ''}>${t}</option>`)}</select></label>` : ''}
${m.recipients ? html`<label>服务对象<select name="recipient"><option value="">全部对象</option>${m.recipients.map((r) => html`<option value="${r.code}"${r.code === q.recipient ? html` selected` : ''}>${r.label}</option>`)}</select></label>` : ''}
<label>查询日期<input type="date" name="asOf" value="${q.asOf}"></label>
<button type="submit">查询</button></form>
<p aria-live="polite">${q.asOf ? `${longDate(q.asOf)}有效的清单中，` : ''}共找到 <strong>${count}</strong> 项事项。</p>
${m.items.length
    ? html`<table class="stack"><caption>事项列表</caption><thead><tr><th scope="col">事项名称</th><th scope="col">实施机构</th><th scope="col">事项类型</th><th scope="col">承诺时限</th><th scope="col">网上办理</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p>没有找到符合条件的事项，请更换关键词或筛选条件。</p>`}
<nav class="pager" aria-label="分页">${m.paged ? html`<a href="${params()}">回到第一页</a>` : ''}${m.nextCursor ? html`<a href="${params(m.nextCursor)}" rel="next">下一页</a>` : ''}</nav>
</main>
<footer>${m.siteName} · 主办</footer>`;
  return framed(`政务服务事项清单 · ${m.siteName}`, body, GUIDE_CSS, m.chrome);
}

/** A Chinese error page (404 unknown or not-effective item, 400 malformed query). */
export function errorPage(siteName: string, title: string, message: string, chrome?: Chrome): string {
  const body = html`${siteHeader(siteName, chrome)}
<main id="main"><h1>${title}</h1><p>${message}</p>
<ul><li><a href="/items">浏览政务服务事项清单</a></li><li><a href="/">返回首页</a></li></ul></main>
<footer>${siteName} · 主办</footer>`;
  return framed(`${title} · ${siteName}`, body, GUIDE_CSS, chrome);
}
