// The 两优 dashboard: banner-wide figures and per-org comparisons, drawn as inline SVG bar charts (role="img" with a
// spoken summary) each followed by the same numbers as a table, so the page reads without images or JavaScript.
import { ONLINE_DEPTHS } from '../../../common/dictionaries.ts';
import type { ListStats, OptimisationTotals } from '../catalogue/stats.service.ts';
import { GUIDE_CSS } from './guide.view.ts';
import { html, type Html } from './html.ts';
import { portalPage, tr, type Chrome } from './layout.ts';

// Per-org charts show the orgs with the most items; the table below each lists every org.
export const CHART_ORGS = 15;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 10) / 10 : 0);

/** Average time compression in percent (over items whose statutory and promised limits share a unit). */
export function averageCompression(t: OptimisationTotals): number {
  return t.timeComparable ? Math.round((t.compressionSum / t.timeComparable) * 1000) / 10 : 0;
}

/** How much of `before` is gone now, in percent (never negative). */
export function reduction(before: number, now: number): number {
  return before > 0 ? Math.max(0, Math.round((1 - now / before) * 1000) / 10) : 0;
}

interface Series {
  name: string;
  colour: string;
  values: number[];
}

/** A horizontal bar chart: one row per label, one bar per series; its summary is the accessible name. */
export function barChart(opts: { labels: string[]; series: Series[]; unit: string; summary: string; max?: number }): Html {
  const { labels, series, unit } = opts;
  const labelWidth = 230;
  const barArea = 380;
  const bar = 14;
  const rowHeight = series.length * (bar + 2) + 10;
  const legend = series.length > 1 ? 24 : 0;
  const height = legend + labels.length * rowHeight + 6;
  const max = opts.max ?? Math.max(1, ...series.flatMap((s) => s.values));
  const width = labelWidth + barArea + 70;
  const fmt = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`;
  // Each legend entry is as wide as its name (a CJK glyph is about one font size wide), so long names never overlap.
  const legendX = series.map((_, i) => labelWidth + series.slice(0, i).reduce((x, s) => x + 20 + s.name.length * 13 + 24, 0));
  const legendMarks = series.length > 1
    ? series.map((s, i) => html`<rect x="${legendX[i]}" y="4" width="14" height="14" fill="${s.colour}"/><text x="${legendX[i] + 20}" y="16">${s.name}</text>`)
    : [];
  const rows = labels.map((label, r) => {
    const y0 = legend + r * rowHeight + 4;
    const short = label.length > 14 ? `${label.slice(0, 13)}…` : label;
    return html`<g><text x="${labelWidth - 8}" y="${y0 + (series.length * (bar + 2)) / 2 + 4}" text-anchor="end">${short}</text>${series.map((s, i) => {
      const v = s.values[r] ?? 0;
      const w = Math.max(v > 0 ? 1 : 0, Math.round((v / max) * barArea));
      const y = y0 + i * (bar + 2);
      return html`<rect x="${labelWidth}" y="${y}" width="${w}" height="${bar}" fill="${s.colour}"/><text x="${labelWidth + w + 4}" y="${y + bar - 2}" class="v">${fmt(v)}</text>`;
    })}</g>`;
  });
  return html`<svg class="chart" role="img" aria-label="${opts.summary}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="13">${legendMarks}${rows}</svg>`;
}

const BEFORE = '#8c8c8c';
const AFTER = '#b0160f';
const ONE = '#0b57a4';

function figure(value: string, label: string, detail: string): Html {
  return html`<div class="figure"><p class="big">${value}</p><p>${label}</p><p class="note">${detail}</p></div>`;
}

function dataTable(caption: string, head: string[], rows: Array<Array<string | number>>): Html {
  return html`<details class="data"><summary>查看数据表：${caption}</summary><table class="stack"><caption>${caption}</caption><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((v, i) => html`<td data-label="${head[i + 1]}">${v}</td>`)}</tr>`,
  )}</tbody></table></details>`;
}

/** /dashboard: time compression, materials, steps, visits, online depth and 即办件, banner-wide and per org. */
export function dashboardPage(c: Chrome, s: ListStats): string {
  const t = s.total;
  const orgs = s.byOrg.slice(0, CHART_ORGS);
  const names = orgs.map((o) => o.orgName);
  const section = (id: string, title: Html, body: Html) => html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;

  const time = section('time', tr(c.lang, 'timeTitle'), html`<p>全旗 ${t.timeComparable} 项可比事项的承诺办结时限平均比法定时限压缩 <strong>${averageCompression(t)}%</strong>；以工作日计的 ${t.workdayItems} 项事项，法定时限平均 ${avg(t.statutoryWorkdays, t.workdayItems)} 个工作日，承诺时限平均 ${avg(t.promisedWorkdays, t.workdayItems)} 个工作日。</p>
${barChart({
    labels: names, unit: '天',
    series: [
      { name: '法定时限（平均工作日）', colour: BEFORE, values: orgs.map((o) => avg(o.totals.statutoryWorkdays, o.totals.workdayItems)) },
      { name: '承诺时限（平均工作日）', colour: AFTER, values: orgs.map((o) => avg(o.totals.promisedWorkdays, o.totals.workdayItems)) },
    ],
    summary: `各实施机构法定与承诺办结时限（平均工作日）对比，全旗平均压缩 ${averageCompression(t)}%，详见下方数据表`,
  })}
${dataTable('各实施机构办结时限', ['实施机构', '可比事项', '平均压缩', '法定（平均工作日）', '承诺（平均工作日）'], s.byOrg.map((o) => [
    o.orgName, o.totals.timeComparable, `${averageCompression(o.totals)}%`, avg(o.totals.statutoryWorkdays, o.totals.workdayItems), avg(o.totals.promisedWorkdays, o.totals.workdayItems),
  ]))}`);

  const beforeAfter = (id: string, title: Html, before: (x: OptimisationTotals) => number, now: (x: OptimisationTotals) => number, noun: string, unit: string) =>
    section(id, title, html`<p>全旗${noun}由优化前的 ${before(t)} ${unit}减至 ${now(t)} ${unit}，减少 <strong>${reduction(before(t), now(t))}%</strong>。</p>
${barChart({
      labels: names, unit: '',
      series: [
        { name: '优化前', colour: BEFORE, values: orgs.map((o) => before(o.totals)) },
        { name: '现在', colour: AFTER, values: orgs.map((o) => now(o.totals)) },
      ],
      summary: `各实施机构${noun}优化前与现在对比，全旗减少 ${reduction(before(t), now(t))}%，详见下方数据表`,
    })}
${dataTable(`各实施机构${noun}`, ['实施机构', '优化前', '现在', '减少'], s.byOrg.map((o) => [o.orgName, before(o.totals), now(o.totals), `${reduction(before(o.totals), now(o.totals))}%`]))}`);

  const depthLabels = [0, 1, 2, 3, 4].map((d) => ONLINE_DEPTHS[d]);
  const online = section('online', tr(c.lang, 'onlineTitle'), html`<p>全程网办事项 ${t.onlineDepth[4]} 项，占 <strong>${pct(t.onlineDepth[4], t.items)}%</strong>；可网上受理及以上 ${t.onlineDepth[3] + t.onlineDepth[4]} 项。</p>
${barChart({ labels: depthLabels, unit: '项', series: [{ name: '事项数', colour: ONE, values: t.onlineDepth }], summary: `网上办理深度分布：${depthLabels.map((l, i) => `${l} ${t.onlineDepth[i]} 项`).join('，')}` })}
${dataTable('网上办理深度分布', ['网上办理深度', '事项数', '占比'], depthLabels.map((l, i) => [l, t.onlineDepth[i], `${pct(t.onlineDepth[i], t.items)}%`]))}`);

  const immediate = section('immediate', tr(c.lang, 'immediateTitle'), html`<p>即办件 ${t.immediate} 项，占全部 ${t.items} 项事项的 <strong>${pct(t.immediate, t.items)}%</strong>；“零跑动”事项 ${t.zeroVisit} 项，占 ${pct(t.zeroVisit, t.items)}%。</p>
${barChart({ labels: names, unit: '%', max: 100, series: [{ name: '即办件占比', colour: ONE, values: orgs.map((o) => pct(o.totals.immediate, o.totals.items)) }], summary: `各实施机构即办件占比，全旗 ${pct(t.immediate, t.items)}%，详见下方数据表` })}
${dataTable('各实施机构即办件与零跑动', ['实施机构', '事项数', '即办件', '即办件占比', '零跑动'], s.byOrg.map((o) => [o.orgName, o.totals.items, o.totals.immediate, `${pct(o.totals.immediate, o.totals.items)}%`, o.totals.zeroVisit]))}`);

  const main = html`<h1>${tr(c.lang, 'dashboardTitle')}</h1>
<p>依据现行清单中 ${t.items} 项事项（${s.byOrg.length} 个实施机构）的“两优”优化记录自动统计：优化前的材料、环节、跑动次数与现行办事指南对比。图表仅列事项最多的 ${Math.min(CHART_ORGS, s.byOrg.length)} 个机构，数据表列全部机构。</p>
<div class="figures">${figure(`${averageCompression(t)}%`, '办结时限平均压缩', `${t.timeComparable} 项可比事项`)}${figure(`${reduction(t.materialsBefore, t.materialsNow)}%`, '申请材料精简', `${t.materialsBefore} → ${t.materialsNow} 份`)}${figure(
    `${reduction(t.stepsBefore, t.stepsNow)}%`, '办理环节精简', `${t.stepsBefore} → ${t.stepsNow} 个`,
  )}${figure(`${reduction(t.visitsBefore, t.visitsNow)}%`, '跑动次数减少', `${t.visitsBefore} → ${t.visitsNow} 次`)}${figure(`${pct(t.onlineDepth[4], t.items)}%`, '全程网办', `${t.onlineDepth[4]} 项`)}${figure(
    `${pct(t.immediate, t.items)}%`, '即办件', `${t.immediate} 项`,
  )}</div>
${time}
${beforeAfter('materials', tr(c.lang, 'materialsTitle'), (x) => x.materialsBefore, (x) => x.materialsNow, '申请材料', '份')}
${beforeAfter('steps', tr(c.lang, 'stepsTitle'), (x) => x.stepsBefore, (x) => x.stepsNow, '办理环节', '个')}
${beforeAfter('visits', tr(c.lang, 'visitsTitle'), (x) => x.visitsBefore, (x) => x.visitsNow, '到现场次数', '次')}
${online}
${immediate}`;
  return portalPage(c, `“两优”工作成效 · ${c.siteName}`, main, GUIDE_CSS + DASHBOARD_CSS);
}

const DASHBOARD_CSS = `
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0}
.figure{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}.figure p{margin:0}.figure .big{font-size:1.75rem;font-weight:700;color:var(--accent)}
svg.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}svg.chart text{fill:#1f1f1f}svg.chart text.v{font-size:12px}
details.data{margin:.25rem 0 1rem}details.data summary{cursor:pointer;color:#0b57a4}
`;
