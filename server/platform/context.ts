import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Dialect } from '../db/database.ts';

/** The signed-in staff member acting in one org (the session's active org). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  sessionId: string;
}

/** What every service call receives: the database, who acts, and the request's identity for the audit row. */
export interface ServiceContext {
  db: Kysely<Database>;
  /** Which SQL dialect `db` speaks (for the few dialect-specific queries in server/db/). */
  dialect: Dialect;
  config: Config;
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  now: Date;
}

export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: Dialect;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: Access;
  }
}

/** The service context of a request. */
export function contextOf(request: FastifyRequest): ServiceContext {
  return {
    db: request.server.db,
    dialect: request.server.dialect,
    config: request.server.config,
    actor: request.actor,
    requestId: request.id,
    ip: request.ip ?? null,
    now: new Date(),
  };
}

/** The actor of a route that required authentication (the access hook guarantees one). */
export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new Error('actorOf called on an unauthenticated context');
  return ctx.actor;
}
