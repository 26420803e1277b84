import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FILING_TYPE_LABEL, ITEM_TYPES, itemTypeLabel, SERVICE_RECIPIENTS, THEMES } from '../../../common/dictionaries.ts';
import { contextOf, type ServiceContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { getPublicItem } from '../catalogue/items.service.ts';
import { asOfInstant, listItems } from '../catalogue/list.service.ts';
import { listPublicFeedback } from '../feedback/feedback.service.ts';
import { publicationInForce } from '../publications/publications.service.ts';
import { errorPage, guidePage, listPage } from './guide.view.ts';
import { etagMatches, prefsTag, readPrefs, type Chrome, type NavKey } from './layout.ts';
import {
  cachedPage, guideStamp, knownPublic, newGuideCaches, rememberPage, sameStamp, type GuideCaches, type GuideStamp,
} from './guide.service.ts';
import { publicSite } from './site.service.ts';

// Public pages of the list: the service guide (办事指南) per item, its printable version, and the searchable list.
// They call the catalogue services as the anonymous public (actor null), so drafts and secret items never show.

const CODE = /^[0-9A-Z]{31}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 20;
// The guide changes only when the effective version does: browsers revalidate after a minute, then get 304.
const CACHE_CONTROL = 'public, max-age=60, must-revalidate';

type Query = Record<string, string | undefined>;
type Prefs = ReturnType<typeof readPrefs>;

function publicContext(request: FastifyRequest): ServiceContext {
  return { ...contextOf(request), actor: null };
}

function sendHtml(reply: FastifyReply, status: number, body: string | Buffer): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** The visitor's chrome (language, mode, navigation) for a page of this plugin. */
function chromeOf(request: FastifyRequest, prefs: Prefs, siteName: string, current?: NavKey): Chrome {
  return { ...prefs, siteName, url: request.url, current };
}

function notFoundPage(reply: FastifyReply, site: string, chrome?: Chrome): FastifyReply {
  return sendHtml(reply.header('cache-control', 'no-cache'), 404, errorPage(site, '未找到该事项', '您查找的政务服务事项不存在，或在所查询的日期不在本旗公布的清单内。', chrome));
}

function badRequestPage(reply: FastifyReply, site: string, message: string, chrome?: Chrome): FastifyReply {
  return sendHtml(reply.header('cache-control', 'no-cache'), 400, errorPage(site, '查询条件有误', message, chrome));
}

const validDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(value));

// One version, one representation: the ETag is the implementation code and version number (plus its end date, which
// a later scheduled version sets without a new number). Answered feedback and org names show on the page, and the
// visitor's language and mode shape it: all are in the tag too.
function guideEtag(code: string, stamp: GuideStamp, print: boolean, prefs: Prefs | undefined): string {
  const end = stamp.effectiveTo ? `-${Date.parse(stamp.effectiveTo)}` : '';
  const feedback = print || stamp.feedbackCount === 0
    ? ''
    : `-f${stamp.feedbackCount}.${stamp.answeredCount}.${stamp.lastAnsweredAt ? Date.parse(stamp.lastAnsweredAt).toString(36) : '0'}`;
  return `"${code}-${stamp.versionNo}${end}${print ? '-print' : ''}${feedback}-o${stamp.orgGeneration}${prefs ? prefsTag(prefs) : ''}"`;
}

function cacheable(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'Cookie');
}

async function renderGuide(request: FastifyRequest, reply: FastifyReply, caches: GuideCaches, print: boolean): Promise<FastifyReply> {
  const ctx = publicContext(request);
  const { code } = request.params as { code: string };
  const { asOf } = request.query as Query;
  const prefs = print ? undefined : readPrefs(request, reply);
  const wellFormed = CODE.test(code) && (asOf === undefined || validDate(asOf));
  const stamp = wellFormed ? await guideStamp(ctx, caches, code, asOf) : undefined;
  // The cheap path: a stamp whose version this node has rendered as public answers from memory.
  const known = stamp && knownPublic(caches, stamp) ? guideEtag(code, stamp, print, prefs) : undefined;
  if (known) {
    if (etagMatches(request, known)) return cacheable(reply, known).status(304).send();
    const body = cachedPage(caches, `${known} ${request.url}`);
    if (body) return sendHtml(cacheable(reply, known), 200, body);
  }

  const site = await publicSite(ctx, stamp?.orgGeneration);
  const chrome = prefs && chromeOf(request, prefs, site.name, 'items');
  if (!CODE.test(code)) return notFoundPage(reply, site.name, chrome);
  if (asOf !== undefined && !validDate(asOf)) {
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
  const entrusting = item.elements.entrustingOrgId ? site.orgs.find((o) => o.id === item.elements.entrustingOrgId) : undefined;
  const body = Buffer.from(guidePage(
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
  ));
  // What was read is what the stamp describes only if the stamp held from before the first read to after the last.
  const after = await guideStamp(ctx, caches, code, asOf);
  if (!stamp || !after || !sameStamp(stamp, after) || after.versionNo !== item.versionNo || after.effectiveTo !== item.effectiveTo) {
    return sendHtml(reply.header('cache-control', 'no-cache').header('vary', 'Cookie'), 200, body);
  }
  const etag = guideEtag(code, after, print, prefs);
  rememberPage(caches, after, `${etag} ${request.url}`, body);
  if (etagMatches(request, etag)) return cacheable(reply, etag).status(304).send();
  return sendHtml(cacheable(reply, etag), 200, body);
}

/** The public list and service guide pages: server-rendered HTML, readable without JavaScript. */
export const guideRoutes: FastifyPluginAsync = async (app) => {
  const opts = { schema: { hide: true }, config: { access: 'public' as const } };
  const caches = newGuideCaches();

  app.get('/items', opts, async (request, reply) => {
    const ctx = publicContext(request);
    const raw = request.query as Query;
    const site = await publicSite(ctx);
    const chrome = chromeOf(request, readPrefs(request, reply), site.name, raw.asOf ? 'asOf' : 'items');
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

  app.get('/items/:code', opts, async (request, reply) => renderGuide(request, reply, caches, false));
  app.get('/items/:code/print', opts, async (request, reply) => renderGuide(request, reply, caches, true));
};
