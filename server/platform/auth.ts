import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession } from '../domain/identity/identity.service.ts';
import { contextOf, type Access } from './context.ts';
import { DomainError, forbidden, unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'qingdan_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function accessOf(request: FastifyRequest): Access | undefined {
  return request.routeOptions.config?.access;
}

/**
 * Sessions, CSRF and the coarse role check that every route goes through.
 * Fine-grained rules (org scoping → 404, role on a resource → 403) live in each domain's policy.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  // Fail closed: an /api route that does not say who may call it cannot be registered.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !['/api/docs', '/api/openapi.json'].some((p) => route.url.startsWith(p))) {
      if (route.config?.access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    if (access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(contextOf(request), token);
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw unauthenticated();
    // Cookie sessions need the double-submitted token on every write: a cross-site form cannot read it.
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
        throw new DomainError(403, 'AUTH.CSRF', '请求缺少有效的安全令牌，请刷新页面后重试');
      }
    }
  });

  // The coarse role check runs after schema validation, so a malformed request answers 400 before 403.
  app.addHook('preHandler', async (request) => {
    const access = accessOf(request);
    if (access === undefined || access === 'public' || access === 'authenticated') return;
    if (!access.some((role) => request.actor!.roles.includes(role))) throw forbidden();
  });
}
