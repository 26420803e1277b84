// Publication pages: the history, one publication with its changes, and two publications compared — each change
// with its org, codes, decision numbers and an expandable element diff. Pure functions of their models.
import { TIME_UNITS, type TimeUnit } from '../../../common/dictionaries.ts';
import type { ElementChange } from '../../../common/item-diff.ts';
import type { PublicFeedback } from '../feedback/feedback.service.ts';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, type ChangeKind, type PublicationSummary } from '../../../common/publication-views.ts';
import type { ListChange } from '../publications/publications.service.ts';
import { answeredFeedback, FEEDBACK_CSS, feedbackForm } from './feedback.view.ts';
import { GUIDE_CSS, longChinaDate } from './guide.view.ts';
import { html, type Html } from './html.ts';
import { portalPage, tr, type Chrome } from './layout.ts';
import { ELEMENT_LABELS as ELEMENTS } from '../../../common/element-labels.ts';
import { chinaDate } from '../../../common/calendar.ts';

// One page stays small (≤ 60 KB compressed): beyond this many changes of a kind, the sealed JSON has the rest.
export const MAX_CHANGES_PER_KIND = 150;

// Element names come from common/; the parts inside elements are named here.
const ELEMENT_LABELS: Readonly<Record<string, string>> = {
  ...ELEMENTS,
  amount: '数量', unit: '单位', note: '说明', copies: '份数', kind: '形式', required: '必要性', source: '来源渠道', satisfiedBy: '免提交依据',
  law: '法律法规', article: '条款', clause: '条文', actor: '办理人员', timeLimit: '时限', description: '办理内容', question: '问题', answer: '解答',
  standard: '收费标准', basis: '依据', materialsBefore: '优化前材料数', stepsBefore: '优化前环节数', visitsBefore: '优化前到现场次数',
};

/** `materials[营业执照].copies` → 申请材料〔营业执照〕 › 份数. */
export function pathLabel(path: string): string {
  return (path.match(/[^.[\]]+(\[[^\]]*\])*/g) ?? [])
    .map((segment) => {
      const keyed = /^([^[]+)((?:\[[^\]]*\])+)$/.exec(segment);
      if (keyed) return `${ELEMENT_LABELS[keyed[1]] ?? keyed[1]}${[...keyed[2].matchAll(/\[([^\]]*)\]/g)].map((m) => `〔${m[1]}〕`).join('')}`;
      return /^\d+$/.test(segment) ? `第 ${Number(segment) + 1} 项` : (ELEMENT_LABELS[segment] ?? segment);
    })
    .join(' › ');
}

/** A value of an element diff as short text. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object' && !Array.isArray(v) && 'amount' in v && 'unit' in v) {
    const l = v as { amount: number; unit: string };
    return l.amount === 0 ? '即时办结' : `${l.amount}${TIME_UNITS[l.unit as TimeUnit] ?? l.unit}`;
  }
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const DIFF_KIND: Readonly<Record<ElementChange['kind'], string>> = { added: '增加', removed: '删除', changed: '修改' };

function diffTable(diff: ElementChange[]): Html {
  return html`<table class="diff"><caption>要素变化</caption><thead><tr><th scope="col">要素</th><th scope="col">变化</th><th scope="col">原内容</th><th scope="col">新内容</th></tr></thead><tbody>${diff.map(
    (d) => html`<tr><th scope="row">${pathLabel(d.path)}</th><td>${DIFF_KIND[d.kind]}</td><td>${valueText(d.before)}</td><td>${valueText(d.after)}</td></tr>`,
  )}</tbody></table>`;
}

function changeEntry(c: ListChange): Html {
  const linked = c.kind !== 'cancelled';
  const code = c.newImplementationCode ?? c.implementationCode;
  return html`<li class="change"><p class="what">${linked ? html`<a href="/items/${code}">${c.name}</a>` : html`<strong>${c.name}</strong>`}<span class="note">${c.orgName}</span></p>
<p class="codes">实施编码 <span class="code">${c.implementationCode}</span>${c.newImplementationCode ? html` → <span class="code">${c.newImplementationCode}</span>` : ''}${
    c.fromVersionNo || c.toVersionNo ? html`\u3000版本 ${c.fromVersionNo ?? '—'} → ${c.toVersionNo ?? '—'}` : ''
  }${c.decisionNumbers.length ? html`\u3000依据决定：${c.decisionNumbers.join('、')}` : ''}</p>${
    c.diff.length ? html`<details><summary>查看要素变化（${c.diff.length} 项）</summary>${diffTable(c.diff)}</details>` : ''
  }</li>`;
}

/** The changes grouped by kind (新增, 取消, 下放, 委托, 变更), each group capped for page size. */
export function changesByKind(changes: ListChange[], fullHref: string | null, level: 2 | 3 = 2): Html {
  if (changes.length === 0) return html`<p>没有变更。</p>`;
  return html`${CHANGE_KINDS.filter((k) => changes.some((c) => c.kind === k)).map((k) => {
    const group = changes.filter((c) => c.kind === k);
    const heading = level === 2 ? html`<h2 id="kind-${k}">${CHANGE_KIND_LABELS[k]}（${group.length} 项）</h2>` : html`<h3 id="kind-${k}">${CHANGE_KIND_LABELS[k]}（${group.length} 项）</h3>`;
    const shown = group.slice(0, MAX_CHANGES_PER_KIND);
    return html`<section aria-labelledby="kind-${k}">${heading}<ul class="changes">${shown.map(changeEntry)}</ul>${
      group.length > shown.length ? html`<p class="note">仅显示前 ${shown.length} 项${fullHref ? html`，全部变更见<a href="${fullHref}">盖章 JSON</a>` : ''}。</p>` : ''
    }</section>`;
  })}`;
}

function countsCells(counts: Record<ChangeKind, number>): Html[] {
  return CHANGE_KINDS.map((k) => html`<td data-label="${CHANGE_KIND_LABELS[k]}">${counts[k] ?? 0}</td>`);
}

export const publicationHref = (number: string) => `/publications/${encodeURIComponent(number)}`;
export const sealedJsonHref = (number: string) => `/publications/${encodeURIComponent(number)}/sealed.json`;
export const xlsxHref = (publishedAt: string) => `/api/public/items/export?format=xlsx&asOf=${encodeURIComponent(publishedAt)}`;

const PUB_CSS = `
ul.changes{list-style:none;padding:0}li.change{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
li.change p{margin:.15rem 0}li.change .note{margin-left:.75rem}.codes{font-size:.875rem}summary{cursor:pointer;color:#0b57a4;padding:.25rem 0}
table.diff td,table.diff th{font-size:.875rem;word-break:break-all}.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}.counts li{border:1px solid var(--line);border-radius:4px;padding:.25rem .75rem}
`;

function compareForm(pubs: PublicationSummary[], a: string, b: string): Html {
  const options = (selected: string) => pubs.map((p) => html`<option value="${p.number}"${p.number === selected ? html` selected` : ''}>${p.number}</option>`);
  return html`<form class="inline" method="get" action="/publications/compare" aria-label="选择两期清单比较">
<label>较早一期<select name="a">${options(a)}</select></label><label>较新一期<select name="b">${options(b)}</select></label><button type="submit">比较</button></form>`;
}

/** /publications: every publication with its change counts, downloads and the verification link. */
export function historyPage(c: Chrome, pubs: PublicationSummary[], xlsx: boolean): string {
  const rows = pubs.map(
    (p) => html`<tr><th scope="row"><a href="${publicationHref(p.number)}">${p.number}</a></th><td data-label="公布日期">${longChinaDate(p.publishedAt)}</td><td data-label="事项总数">${p.itemCount}</td>${countsCells(p.counts)}<td data-label="下载">
<a href="${sealedJsonHref(p.number)}" download>盖章 JSON</a>${xlsx ? html` · <a href="${xlsxHref(p.publishedAt)}">Excel</a>` : ''} · <a href="/verify">验证</a></td></tr>`,
  );
  const main = html`<h1>${tr(c.lang, 'publicationsTitle')}</h1>
<p>清单经调整后由政务服务局按期公布，每期编号、盖章并记入透明日志；各期只记载相对上一期的变更。</p>
${pubs.length
    ? html`<table class="stack"><caption>历次公布（共 ${pubs.length} 期）</caption><thead><tr><th scope="col">版次</th><th scope="col">公布日期</th><th scope="col">事项总数</th>${CHANGE_KINDS.map((k) => html`<th scope="col">${CHANGE_KIND_LABELS[k]}</th>`)}<th scope="col">下载与验证</th></tr></thead><tbody>${rows}</tbody></table>
<h2 id="compare">${tr(c.lang, 'compareTitle')}</h2>${compareForm(pubs, pubs[Math.min(1, pubs.length - 1)].number, pubs[0].number)}`
    : html`<p>尚未公布清单。</p>`}
<p class="note">下载的盖章 JSON 含清单文档及其电子印章记录，可在<a href="/verify">验证页面</a>或使用 OpenSSL 离线核验。</p>`;
  return portalPage(c, `清单公布历史 · ${c.siteName}`, main, GUIDE_CSS + PUB_CSS);
}

export interface DetailModel {
  publication: PublicationSummary & { listDigest: string; changes: ListChange[]; leafHash: string | null; document?: { listDigest?: { algorithm?: string } } };
  xlsx: boolean;
  feedback: PublicFeedback[];
}

// The publication document names its list digest: SHA-256 over the sorted lines (version 1) or the multiset hash
// that each publication carries forward (version 2, decision 0008).
function digestLabel(algorithm: string | undefined): string {
  return algorithm === 'muhash3072-shake256' ? 'MuHash3072 / SHAKE256' : 'SHA-256';
}

/** /publications/:number: summary, downloads, changes grouped by kind with element diffs, and public supervision. */
export function detailPage(c: Chrome, m: DetailModel): string {
  const p = m.publication;
  const main = html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/">首页</a></li><li><a href="/publications">清单公布</a></li><li aria-current="page">${p.number}</li></ol></nav>
<h1>${p.number}</h1>
<dl class="meta"><dt>公布日期</dt><dd>${longChinaDate(p.publishedAt)}</dd><dt>事项总数</dt><dd>${p.itemCount}</dd>
${p.previous ? html`<dt>上一期</dt><dd><a href="${publicationHref(p.previous)}">${p.previous}</a>（<a href="/publications/compare?a=${encodeURIComponent(p.previous)}&amp;b=${encodeURIComponent(p.number)}">与本期比较</a>）</dd>` : ''}
<dt>清单摘要（${digestLabel(p.document?.listDigest?.algorithm)}）</dt><dd class="code">${p.listDigest}</dd>${p.logIndex !== null ? html`<dt>透明日志序号</dt><dd>${p.logIndex}</dd>` : ''}</dl>
<ul class="counts" aria-label="变更统计">${CHANGE_KINDS.map((k) => html`<li>${CHANGE_KIND_LABELS[k]} ${p.counts[k] ?? 0}</li>`)}</ul>
<section aria-labelledby="downloads"><h2 id="downloads">${tr(c.lang, 'downloadsTitle')}</h2><ul class="downloads">
<li><a href="${sealedJsonHref(p.number)}" download>下载盖章 JSON</a></li>${m.xlsx ? html`<li><a href="${xlsxHref(p.publishedAt)}">下载本期清单（Excel）</a></li>` : ''}
<li><a href="/items?asOf=${chinaDate(p.publishedAt)}">浏览本期公布时的清单</a></li><li><a href="/verify">验证电子印章</a></li></ul></section>
<section aria-labelledby="changes"><h2 id="changes">${tr(c.lang, 'changesTitle')}</h2>${changesByKind(p.changes, sealedJsonHref(p.number), 3)}</section>
<section aria-labelledby="supervision"><h2 id="supervision">${tr(c.lang, 'feedbackTitle')}</h2>${answeredFeedback(m.feedback)}<h3 id="send-feedback">对本期清单提意见</h3>
<p>清单缺少事项、事项要求没有法律依据，或有意见建议，请告诉我们：政务服务局在规定的工作日内答复，答复向社会公开。</p>${feedbackForm({ publication: p.number })}</section>`;
  return portalPage(c, `${p.number} · ${c.siteName}`, main, GUIDE_CSS + PUB_CSS + FEEDBACK_CSS);
}


export interface CompareModel {
  publications: PublicationSummary[];
  a: string;
  b: string;
  result: { from: PublicationSummary; to: PublicationSummary; counts: Record<ChangeKind, number>; changes: ListChange[] } | null;
}

/** /publications/compare?a=&b=: pick two publications; added, removed and changed items with their element diffs. */
export function comparePage(c: Chrome, m: CompareModel): string {
  const r = m.result;
  const main = html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/">首页</a></li><li><a href="/publications">清单公布</a></li><li aria-current="page">两期比较</li></ol></nav>
<h1>${tr(c.lang, 'compareTitle')}</h1>
${m.publications.length ? compareForm(m.publications, m.a, m.b) : html`<p>尚未公布清单。</p>`}
${r
    ? html`<section aria-labelledby="result"><h2 id="result">${r.from.number} → ${r.to.number}</h2>
<p>${longChinaDate(r.from.publishedAt)}至${longChinaDate(r.to.publishedAt)}之间，清单共有 <strong>${r.changes.length}</strong> 项变更。</p>
<ul class="counts" aria-label="变更统计">${CHANGE_KINDS.map((k) => html`<li>${CHANGE_KIND_LABELS[k]} ${r.counts[k] ?? 0}</li>`)}</ul>
${r.changes.length ? changesByKind(r.changes, null, 3) : html`<p>两期之间没有变更。</p>`}</section>`
    : ''}`;
  return portalPage(c, `两期清单比较 · ${c.siteName}`, main, GUIDE_CSS + PUB_CSS);
}
