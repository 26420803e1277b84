import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FILING_TYPE_LABEL, ITEM_TYPES, itemTypeLabel, SERVICE_RECIPIENTS, THEMES } from '../../../common/dictionaries.ts';
import { contextOf, type ServiceContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { getPublicItem } from '../catalogue/items.service.ts';
import { asOfInstant, listItems } from '../catalogue/list.service.ts';
import { listPublicFeedback } from '../feedback/feedback.service.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { publicationInForce } from '../publications/publications.service.ts';
import { feedbackTag } from './feedback.view.ts';
import { errorPage, guidePage, listPage } from './guide.view.ts';
import { prefsTag, readPrefs, type Chrome, type NavKey } from './layout.ts';

// Public pages of the list: the service guide (办事指南) per item, its printable version, and the searchable list.
// They call the catalogue services as the anonymous public (actor null), so drafts and secret items never show.

const CODE = /^[0-9A-Z]{31}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 20;
// The guide changes only when the effective version does: browsers revalidate after a minute, then get 304.
const CACHE_CONTROL = 'public, max-age=60, must-revalidate';

type Query = Record<string, string | undefined>;

function publicContext(request: FastifyRequest): ServiceContext {
  return { ...contextOf(request), actor: null };
}

type Orgs = Awaited<ReturnType<typeof listOrgs>>;
// Public pages name the bureau and list orgs on every request; orgs change rarely, so each node keeps them 10 s
// (per database, so test apps never share) instead of reading the whole org table for every page view.
const orgCache = new WeakMap<object, { at: number; orgs: Orgs }>();
const ORG_CACHE_MS = 10_000;

async function siteName(ctx: ServiceContext): Promise<{ name: string; orgs: Orgs }> {
  const cached = orgCache.get(ctx.db);
  const orgs = cached && ctx.now.getTime() - cached.at < ORG_CACHE_MS ? cached.orgs : await listOrgs(ctx);
  if (orgs !== cached?.orgs) orgCache.set(ctx.db, { at: ctx.now.getTime(), orgs });
  const bureau = orgs.find((o) => o.kind === 'bureau' && o.parentId === null && o.active);
  return { name: bureau?.nameZh ?? '政务服务局', orgs };
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** The visitor's chrome (language, mode, navigation) for a page of this plugin. */
function chromeOf(request: FastifyRequest, reply: FastifyReply, siteName: string, current?: NavKey): Chrome {
  return { ...readPrefs(request, reply), siteName, url: request.url, current };
}

function notFoundPage(reply: FastifyReply, site: string, chrome?: Chrome): FastifyReply {
  return sendHtml(reply.header('cache-control', 'no-cache'), 404, errorPage(site, '未找到该事项', '您查找的政务服务事项不存在，或在所查询的日期不在本旗公布的清单内。', chrome));
}

function badRequestPage(reply: FastifyReply, site: string, message: string, chrome?: Chrome): FastifyReply {
  return sendHtml(reply.header('cache-control', 'no-cache'), 400, errorPage(site, '查询条件有误', message, chrome));
}

/** Whether the request's If-None-Match names this ETag (weak or strong, or `*`). */
function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

async function renderGuide(request: FastifyRequest, reply: FastifyReply, print: boolean): Promise<FastifyReply> {
  const ctx = publicContext(request);
  const { code } = request.params as { code: string };
  const { asOf } = request.query as Query;
  const site = await siteName(ctx);
  const chrome = print ? undefined : chromeOf(request, reply, site.name, 'items');
  if (!CODE.test(code)) return notFoundPage(reply, site.name, chrome);
  if (asOf !== undefined && !(DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)))) {
    return badRequestPage(reply, site.name, '查询日期格式应为 YYYY-MM-DD，例如 2026-03-01。', chrome);
  }
  let item;
  try {
    item = await getPublicItem(ctx, code, asOf);
  } catch (e) {
    if (e instanceof DomainError && e.status === 404) return notFoundPage(reply, site.name, chrome);
    throw e;
  }
  const feedback = print ? [] : await listPublicFeedback(ctx, { item: item.implementationCode });
  // One version, one representation: the ETag is the implementation code and version number (plus its end date,
  // which a later scheduled version sets without a new number).
  // Answered feedback shows on the page, and the visitor's language and mode shape it: both are in the tag too.
  const etag = `"${item.implementationCode}-${item.versionNo}${item.effectiveTo ? `-${Date.parse(item.effectiveTo)}` : ''}${print ? '-print' : ''}${feedbackTag(feedback)}${chrome ? prefsTag(chrome) : ''}"`;
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'Cookie');
  if (matches(request, etag)) return reply.status(304).send();
  const entrusting = item.elements.entrustingOrgId ? site.orgs.find((o) => o.id === item.elements.entrustingOrgId) : undefined;
  const body = guidePage(
    {
      siteName: site.name,
      implementationCode: item.implementationCode,
      basicCode: item.basicCode,
      orgName: item.orgName,
      typeLabel: itemTypeLabel(item.elements.type, ctx.config.filingTypeCode),
      versionNo: item.versionNo,
      effectiveFrom: item.effectiveFrom!,
      effectiveTo: item.effectiveTo,
      changeNote: item.changeNote,
      elements: item.elements,
      handlingItems: item.handlingItems,
      entrustingOrgName: entrusting?.nameZh ?? null,
      asOf: asOf ?? null,
      chrome,
      feedback: print ? undefined : feedback,
    },
    { print },
  );
  return sendHtml(reply, 200, body);
}

/** The public list and service guide pages: server-rendered HTML, readable without JavaScript. */
export const guideRoutes: FastifyPluginAsync = async (app) => {
  const opts = { schema: { hide: true }, config: { access: 'public' as const } };

  app.get('/items', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const raw = request.query as Query;
    const site = await siteName(ctx);
    const chrome = chromeOf(request, reply, site.name, raw.asOf ? 'asOf' : 'items');
    const query = {
      q: (raw.q ?? '').trim().slice(0, 50),
      org: raw.org && site.orgs.some((o) => o.id === raw.org) ? raw.org : '',
      type: raw.type && /^\d{2}$/.test(raw.type) ? raw.type : '',
      theme: raw.theme && (THEMES as readonly string[]).includes(raw.theme) ? raw.theme : '',
      recipient: raw.recipient && raw.recipient in SERVICE_RECIPIENTS ? raw.recipient : '',
      asOf: raw.asOf ?? '',
    };
    if (query.asOf && !(DATE.test(query.asOf) && !Number.isNaN(Date.parse(query.asOf)))) {
      return badRequestPage(reply, site.name, '查询日期格式应为 YYYY-MM-DD，例如 2026-03-01。', chrome);
    }
    let result;
    let asOfPublication = null;
    try {
      result = await listItems(ctx, {
        q: query.q || undefined, orgId: query.org || undefined, type: query.type || undefined, theme: query.theme || undefined,
        recipient: query.recipient ? Number(query.recipient) : undefined, asOf: query.asOf || undefined,
        cursor: raw.cursor || undefined, limit: PAGE_SIZE,
      });
      if (query.asOf) asOfPublication = await publicationInForce(ctx, asOfInstant(query.asOf, ctx.now));
    } catch (e) {
      if (e instanceof DomainError && e.status === 400) return badRequestPage(reply, site.name, e.message, chrome);
      throw e;
    }
    const types = [
      ...Object.entries(ITEM_TYPES).map(([code, t]) => ({ code, label: t.label })),
      ...(ctx.config.filingTypeCode in ITEM_TYPES ? [] : [{ code: ctx.config.filingTypeCode, label: FILING_TYPE_LABEL }]),
    ].sort((a, b) => a.code.localeCompare(b.code));
    const orgs = site.orgs
      .filter((o) => o.active && o.kind !== 'external' && o.kind !== 'village')
      .map((o) => ({ id: o.id, name: o.nameZh }));
    const body = listPage({
      siteName: site.name, query, orgs, types, items: result.items, total: result.total, totalCapped: result.totalCapped,
      nextCursor: result.nextCursor, paged: Boolean(raw.cursor),
      themes: THEMES, recipients: Object.entries(SERVICE_RECIPIENTS).map(([code, label]) => ({ code, label })),
      asOfPublication, chrome,
    });
    return sendHtml(reply.header('cache-control', 'no-cache').header('vary', 'Cookie'), 200, body);
  });

  app.get('/items/:code', opts, async (request, reply) => renderGuide(request, reply, false));
  app.get('/items/:code/print', opts, async (request, reply) => renderGuide(request, reply, true));
};
