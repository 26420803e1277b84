// The portal's home page, "the list as of a date", and the public supervision pages. Pure functions of their models.
import type { ListCounts } from '../catalogue/stats.service.ts';
import type { PublicationSummary } from '../publications/publications.service.ts';
import { FEEDBACK_CSS, feedbackForm, type FeedbackTargetRef } from './feedback.view.ts';
import { GUIDE_CSS, longChinaDate } from './guide.view.ts';
import { html } from './html.ts';
import { t } from './i18n.ts';
import { portalPage, tr, type Chrome } from './layout.ts';
import { publicationHref } from './publications.view.ts';
import { chinaDate } from '../../../common/calendar.ts';

const HOME_CSS = `
.hero{padding:.5rem 0 1rem}.hero h1{font-size:1.75rem;margin:.25rem 0}form.search{display:flex;gap:.5rem;flex-wrap:wrap;align-items:flex-end}
form.search label{display:flex;flex-direction:column;flex:1 1 18rem;font-size:.9375rem}form.search input{font-size:1.125rem;padding:.5rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
ul.counts{list-style:none;padding:0;margin:0;columns:2 12rem}ul.counts li{break-inside:avoid;padding:.15rem 0}ul.counts .n{color:var(--muted);margin-left:.35rem}
ul.links{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem}
ul.links a{display:block;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;text-decoration:none;font-weight:600}
`;

const today = (now: Date) => chinaDate(now);

export interface HomeModel {
  counts: ListCounts;
  latest: PublicationSummary | null;
  now: Date;
}

/** `/`: bureau name, search, counts by org and type, the latest publication and quick links. */
export function homePage(c: Chrome, m: HomeModel): string {
  const L = (key: Parameters<typeof t>[1]) => tr(c.lang, key);
  const main = html`<section class="hero" aria-labelledby="title"><h1 id="title">${c.siteName}</h1><p>${t(c.lang, 'tagline')}</p>
<form class="search" method="get" action="/items" role="search" aria-label="${t(c.lang, 'search')}"><label>${t(c.lang, 'searchLabel')}<input type="search" name="q" maxlength="50" placeholder="例如：食品经营许可"></label><button type="submit">${t(c.lang, 'search')}</button></form>
<p>${t(c.lang, 'homeIntro')} 现行清单共 <a href="/items"><strong>${m.counts.total}</strong> 项事项</a>，涉及 ${m.counts.byOrg.length} 个实施机构。</p></section>
<div class="grid">
<section class="card" aria-labelledby="latest"><h2 id="latest">${L('latestPublication')}</h2>${
    m.latest
      ? html`<p><a href="${publicationHref(m.latest.number)}">${m.latest.number}</a></p><p class="note">${longChinaDate(m.latest.publishedAt)}公布 · 事项 ${m.latest.itemCount} 项 · 新增 ${m.latest.counts.added} · 取消 ${m.latest.counts.cancelled} · 变更 ${m.latest.counts.changed}</p><p><a href="/publications">全部公布记录</a></p>`
      : html`<p>尚未公布清单。</p>`
  }</section>
<section class="card" aria-labelledby="quick"><h2 id="quick">${L('quickLinks')}</h2><ul class="links">
<li><a href="/publications">${L('navPublications')}</a></li><li><a href="/as-of">${L('navAsOf')}</a></li><li><a href="/dashboard">${L('navDashboard')}</a></li>
<li><a href="/verify">${L('navVerify')}</a></li><li><a href="/feedback">${L('navFeedback')}</a></li><li><a href="/admin">${L('staffLogin')}</a></li>
<li><a href="/api/docs">${L('apiDocs')}</a></li><li><a href="/api/calendar/deadline?from=${today(m.now)}&amp;workingDays=20">期限计算（20 个工作日）</a></li></ul></section>
</div>
<section class="card" aria-labelledby="by-type"><h2 id="by-type">${L('byType')}</h2><ul class="counts">${m.counts.byType.map(
    (x) => html`<li><a href="/items?type=${x.type}">${x.label}</a><span class="n">${x.count} 项</span></li>`,
  )}</ul></section>
<section class="card" aria-labelledby="by-org"><h2 id="by-org">${L('byOrg')}</h2><ul class="counts">${m.counts.byOrg.map(
    (x) => html`<li><a href="/items?org=${x.orgId}">${x.orgName}</a><span class="n">${x.count} 项</span></li>`,
  )}</ul></section>`;
  return portalPage(c, `${c.siteName} · 政务服务事项清单`, main, GUIDE_CSS + HOME_CSS);
}

/** `/as-of`: pick a date (or a publication) and see the list as it stood. */
export function asOfPage(c: Chrome, pubs: PublicationSummary[], now: Date): string {
  const main = html`<h1>${tr(c.lang, 'navAsOf')}</h1>
<p>查看某一天有效的政务服务事项清单：页面会说明当天有效的是哪一期公布的清单，事项的办事指南也显示当天的版本。</p>
<form class="inline" method="get" action="/items"><label>查询日期<input type="date" name="asOf" value="${today(now)}" max="${today(now)}" required></label><button type="submit">查看当日清单</button></form>
${pubs.length
    ? html`<h2 id="by-publication">按公布版次</h2><ul>${pubs.map((p) => {
        const day = chinaDate(p.publishedAt);
        return html`<li><a href="/items?asOf=${day}">${p.number}</a>（${longChinaDate(p.publishedAt)}公布，事项 ${p.itemCount} 项）</li>`;
      })}</ul>`
    : ''}`;
  return portalPage(c, `历史清单查询 · ${c.siteName}`, main, GUIDE_CSS);
}

/** `/feedback`: how public supervision works, with the form for the current publication. */
export function feedbackHomePage(c: Chrome, latest: PublicationSummary | null, error?: { message: string; values: { category?: string; text?: string } }): string {
  const main = html`<h1>${tr(c.lang, 'feedbackTitle')}</h1>
<p>对清单和办事指南，任何人都可以提出意见：指南有误、清单缺少事项、要求没有法律依据，或者意见建议。责任单位在规定的工作日内答复，答复向社会公开；您的联系方式只有答复单位可见。</p>
<p>对某个事项的意见，请在该事项的<a href="/items">办事指南</a>页面底部提交。</p>
${latest
    ? html`<h2 id="send-feedback">对现行清单（${latest.number}）提意见</h2>${error ? html`<p class="notice" role="alert">${error.message}</p>` : ''}${feedbackForm({ publication: latest.number }, error?.values)}`
    : html`<p>尚未公布清单。</p>`}`;
  return portalPage(c, `社会监督 · ${c.siteName}`, main, GUIDE_CSS + FEEDBACK_CSS);
}

/** After a submission: what happens next (or why it was not taken, with the form to try again). */
export function feedbackResultPage(
  c: Chrome,
  r: { ok: true; id: string; submittedOn: string; dueOn: string; back: string } | { ok: false; title: string; message: string; back: string; target?: FeedbackTargetRef; values?: { category?: string; text?: string } },
): string {
  const main = r.ok
    ? html`<h1>${tr(c.lang, 'feedbackThanks')}</h1><p class="notice" role="status">感谢您的监督。您的意见已于 ${r.submittedOn} 收到，受理编号 <span class="code">${r.id}</span>。</p>
<p>责任单位将在 <strong>${r.dueOn}</strong> 前答复，答复将在相关页面公开。您留下的联系方式不会公开。</p><p><a href="${r.back}">返回</a> · <a href="/">返回首页</a></p>`
    : html`<h1>${r.title}</h1><p class="notice" role="alert">${r.message}</p>${r.target ? feedbackForm(r.target, r.values) : ''}<p><a href="${r.back}">返回</a></p>`;
  return portalPage(c, `${r.ok ? '意见已收到' : r.title} · ${c.siteName}`, main, GUIDE_CSS + FEEDBACK_CSS);
}
