// gzip for text answers (portal pages, API JSON) when the client accepts it. Pages that the portal keeps rendered are
// the same Buffer on every request, so their compressed form is computed once (a WeakMap follows the page cache's
// own eviction). Streams (exports, static files, PDFs) pass through unchanged.
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyReply } from 'fastify';

const gzipAsync = promisify(gzipCallback);
const MIN_BYTES = 1024;
// Bigger answers are compressed in the thread pool instead of on the event loop.
const SYNC_LIMIT = 64 * 1024;
const COMPRESSIBLE = /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/;

/** Whether an Accept-Encoding header allows gzip (a q=0 refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function addVary(reply: FastifyReply, name: string): void {
  const current = reply.getHeader('vary');
  const list = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((v) => v.trim()).filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === name.toLowerCase())) reply.header('vary', [...list, name].join(', '));
}

/** Compresses eligible answers of every route of `app`. */
export function registerCompression(app: FastifyInstance): void {
  const memo = new WeakMap<Buffer, Buffer>();
  app.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const status = reply.statusCode;
    if (status === 204 || status === 304 || request.method === 'HEAD' || reply.getHeader('content-encoding')) return done(null, payload);
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return done(null, payload);
    if (Buffer.byteLength(payload) < MIN_BYTES) return done(null, payload);
    addVary(reply, 'Accept-Encoding');
    if (!acceptsGzip(request.headers['accept-encoding'])) return done(null, payload);
    reply.header('content-encoding', 'gzip');
    reply.removeHeader('content-length');
    // The compressed bytes differ from the plain ones: a strong validator may not name both (RFC 9110 §8.8.1).
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
    const known = Buffer.isBuffer(payload) ? memo.get(payload) : undefined;
    if (known) return done(null, known);
    if (Buffer.byteLength(payload) <= SYNC_LIMIT) {
      const zipped = gzipSync(payload, { level: 6 });
      if (Buffer.isBuffer(payload)) memo.set(payload, zipped);
      return done(null, zipped);
    }
    gzipAsync(payload, { level: 6 }).then(
      (zipped) => {
        if (Buffer.isBuffer(payload)) memo.set(payload, zipped);
        done(null, zipped);
      },
      (error: Error) => done(error),
    );
  });
}
