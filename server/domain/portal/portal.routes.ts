import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, type ServiceContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { currentListCounts, currentListStats } from '../catalogue/stats.service.ts';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../feedback/feedback.policy.ts';
import { listPublicFeedback, submitFeedback, type FeedbackTarget } from '../feedback/feedback.service.ts';
import { comparePublications, getPublication, listPublications } from '../publications/publications.service.ts';
import { dashboardPage } from './dashboard.view.ts';
import { feedbackTag, type FeedbackTargetRef } from './feedback.view.ts';
import { errorPage } from './guide.view.ts';
import { prefsTag, readPrefs, sendPage, type Chrome, type NavKey } from './layout.ts';
import { publicSite } from './site.service.ts';
import { asOfPage, feedbackHomePage, feedbackResultPage, homePage } from './portal.view.ts';
import { comparePage, detailPage, historyPage, publicationHref } from './publications.view.ts';

// The public portal (ARCHITECTURE “The public portal”): home, publications and their comparison, the list as of a
// date, the 两优 dashboard and public supervision. Server-rendered; every page is read as the anonymous public.

const CODE = /^[0-9A-Z]{31}$/;
const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

function publicContext(request: FastifyRequest): ServiceContext {
  return { ...contextOf(request), actor: null };
}

async function chromeFor(request: FastifyRequest, reply: FastifyReply, ctx: ServiceContext, current?: NavKey): Promise<Chrome> {
  const site = await publicSite(ctx);
  return { ...readPrefs(request, reply), siteName: site.name, url: request.url, current };
}

function notFound(request: FastifyRequest, reply: FastifyReply, c: Chrome, title: string, message: string): FastifyReply {
  return sendPage(request, reply, errorPage(c.siteName, title, message, c), { status: 404 });
}

/** Whether the spreadsheet export of the list is served (another plugin owns it). */
const hasXlsxExport = (request: FastifyRequest) => request.server.hasRoute({ method: 'GET', url: '/api/public/items/export' });

/** urlencoded form bodies as plain objects (the last value of a repeated field wins). */
function parseForm(_request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void {
  done(null, Object.fromEntries(new URLSearchParams(body)));
}

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const opts = { schema: { hide: true }, config: { access: 'public' as const } };
  // Plain HTML forms post urlencoded bodies; encapsulated, so only this plugin's routes accept them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, parseForm);

  app.get('/', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'home');
    const [counts, pubs] = await Promise.all([currentListCounts(ctx), listPublications(ctx)]);
    const etag = `"home-${hash(`${counts.fingerprint}|${pubs[0]?.number ?? ''}|${c.siteName}|${ctx.now.toISOString().slice(0, 10)}`)}${prefsTag(c)}"`;
    return sendPage(request, reply, () => homePage(c, { counts, latest: pubs[0] ?? null, now: ctx.now }), { etag });
  });

  app.get('/as-of', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'asOf');
    return sendPage(request, reply, asOfPage(c, await listPublications(ctx), ctx.now));
  });

  app.get('/dashboard', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'dashboard');
    const stats = await currentListStats(ctx);
    const etag = `"dashboard-${hash(`${stats.fingerprint}|${c.siteName}`)}${prefsTag(c)}"`;
    return sendPage(request, reply, () => dashboardPage(c, stats), { etag });
  });

  app.get('/publications', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'publications');
    const pubs = await listPublications(ctx);
    const xlsx = hasXlsxExport(request);
    const etag = `"pubs-${hash(`${pubs.map((p) => p.number).join('|')}|${xlsx}|${c.siteName}`)}${prefsTag(c)}"`;
    return sendPage(request, reply, () => historyPage(c, pubs, xlsx), { etag });
  });

  app.get('/publications/compare', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'publications');
    const { a, b } = request.query as { a?: string; b?: string };
    const pubs = await listPublications(ctx);
    const pick = (v: string | undefined, fallback: string) => (typeof v === 'string' && pubs.some((p) => p.number === v) ? v : fallback);
    const latest = pubs[0]?.number ?? '';
    const from = pick(a, pubs[1]?.number ?? latest);
    const to = pick(b, latest);
    if ((a && from !== a) || (b && to !== b)) return notFound(request, reply, c, '未找到该期清单', '所选的清单版次不存在，请从公布记录中选择。');
    const result = a && b ? await comparePublications(ctx, from, to) : null;
    // Publications are immutable: a comparison of two of them never changes.
    const etag = `"compare-${hash(`${from}|${to}|${Boolean(result)}|${pubs.length}|${c.siteName}`)}${prefsTag(c)}"`;
    return sendPage(request, reply, () => comparePage(c, { publications: pubs, a: from, b: to, result }), { etag });
  });

  app.get('/publications/:number', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'publications');
    const { number } = request.params as { number: string };
    let publication;
    try {
      publication = await getPublication(ctx, number);
    } catch (e) {
      if (e instanceof DomainError && e.status === 404) return notFound(request, reply, c, '未找到该期清单', '您查找的清单版次不存在。');
      throw e;
    }
    const feedback = await listPublicFeedback(ctx, { publication: publication.number });
    const xlsx = hasXlsxExport(request);
    const etag = `"pub-${hash(`${publication.number}|${xlsx}|${c.siteName}`)}${feedbackTag(feedback)}${prefsTag(c)}"`;
    return sendPage(request, reply, () => detailPage(c, { publication, xlsx, feedback }), { etag });
  });

  // The sealed document and its seal record as a file: the same JSON as GET /api/public/publications/:number.
  app.get('/publications/:number/sealed.json', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const { number } = request.params as { number: string };
    let publication;
    try {
      publication = await getPublication(ctx, number);
    } catch (e) {
      if (e instanceof DomainError && e.status === 404) return notFound(request, reply, await chromeFor(request, reply, ctx, 'publications'), '未找到该期清单', '您查找的清单版次不存在。');
      throw e;
    }
    const ascii = `qingdan-publication-${hash(publication.number).slice(0, 10)}.json`;
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${publication.number}.json`)}`)
      .header('cache-control', 'public, max-age=3600, immutable')
      .send(JSON.stringify(publication));
  });

  app.get('/feedback', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const c = await chromeFor(request, reply, ctx, 'feedback');
    const pubs = await listPublications(ctx);
    return sendPage(request, reply, feedbackHomePage(c, pubs[0] ?? null));
  });

  app.post('/feedback', { ...opts, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const ctx = contextOf(request);
    const c = await chromeFor(request, reply, publicContext(request), 'feedback');
    const query = request.query as { item?: string; publication?: string };
    const form = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, string | undefined>;
    let target: FeedbackTarget | null = null;
    let ref: FeedbackTargetRef | undefined;
    let back = '/feedback';
    if (typeof query.item === 'string' && CODE.test(query.item)) {
      target = { kind: 'item', implementationCode: query.item };
      ref = { item: query.item };
      back = `/items/${query.item}`;
    } else if (typeof query.publication === 'string' && query.publication.length > 0 && query.publication.length <= 100) {
      target = { kind: 'publication', number: query.publication };
      ref = { publication: query.publication };
      back = publicationHref(query.publication);
    }
    const values = { category: form.category, text: form.text };
    const fail = (status: number, title: string, message: string, withForm = true) =>
      sendPage(request, reply, feedbackResultPage(c, { ok: false, title, message, back, target: withForm ? ref : undefined, values }), { status });
    if (!target) return fail(400, '无法提交意见', '请从事项的办事指南页面或清单公布页面提交意见。', false);
    const category = form.category as FeedbackCategory;
    const text = (form.text ?? '').trim();
    if (!FEEDBACK_CATEGORIES.includes(category)) return fail(400, '请修改后重新提交', '请选择意见类型。');
    if (text.length < 10 || text.length > 2000) return fail(400, '请修改后重新提交', '意见内容应为 10～2000 字。');
    const contact = {
      ...(form.name?.trim() ? { name: form.name.trim().slice(0, 50) } : {}),
      ...(form.phone?.trim() ? { phone: form.phone.trim() } : {}),
      ...(form.email?.trim() ? { email: form.email.trim() } : {}),
    };
    if (contact.phone && !/^[0-9+()\- ]{1,20}$/.test(contact.phone)) return fail(400, '请修改后重新提交', '电话号码只能包含数字、空格和 +-()，最多 20 位。');
    if (contact.email && !/^[^@\s]{1,64}@[^@\s]{1,100}$/.test(contact.email)) return fail(400, '请修改后重新提交', '电子邮箱格式不正确。');
    try {
      const receipt = await submitFeedback(ctx, {
        target, category, text, contact: Object.keys(contact).length ? contact : undefined, website: form.website?.slice(0, 200) || undefined,
      });
      return sendPage(request, reply, feedbackResultPage(c, { ok: true, ...receipt, back }));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.status === 429) return fail(429, '提交过于频繁', e.message, false);
      if (e.status === 404) return fail(404, '无法提交意见', '该事项或清单版次不存在，或已不在现行清单内。', false);
      if (e.status === 400) return fail(400, '请修改后重新提交', e.message);
      throw e;
    }
  });
};
