import type { FastifyPluginAsync } from 'fastify';
import { contextOf } from '../../platform/context.ts';
import { html, page } from './html.ts';
import { listOrgs } from '../orgs/orgs.service.ts';

/** The public portal's home page: server-rendered, no JavaScript needed. */
export const portalRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const orgs = await listOrgs(contextOf(request));
    const bureau = orgs.find((o) => o.kind === 'bureau' && o.parentId === null && o.active);
    const name = bureau?.nameZh ?? '政务服务局';
    const departments = orgs.filter((o) => o.active && (o.kind === 'department' || o.kind === 'town')).length;
    const body = html`<header><h1>${name}</h1><p>政务服务事项清单 · 行政备案 · 电子证照与电子印章</p></header>
<main id="main">
<section class="card" aria-labelledby="intro"><h2 id="intro">政务服务事项清单</h2>
<p>本平台依据“两优”工作制度，集中公布本旗及苏木镇政务服务事项清单，受理行政备案，提供电子证照与电子印章验证。现有实施机构 ${departments} 个。</p></section>
<nav aria-label="主要入口"><ul>
<li><a href="/items">政务服务事项清单与办事指南</a></li>
<li><a href="/admin">工作人员登录（工作台）</a></li>
<li><a href="/api/docs">开放接口文档</a></li>
<li><a href="/api/calendar/deadline?from=${new Date().toISOString().slice(0, 10)}&amp;workingDays=20">期限计算（20 个工作日）</a></li>
</ul></nav>
</main>
<footer>${name} · 主办</footer>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page(`${name} · 政务服务事项清单`, body));
  });
};
