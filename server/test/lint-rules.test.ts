import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering contract is only as good as the lint rules that enforce it: check they fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it('keeps common/ free of server, web and Node imports', async () => {
    expect(await restricted('common/x.ts', "import { buildApp } from '../server/app.ts';\nexport const a = buildApp;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import { api } from '../web/src/api.ts';\nexport const a = api;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import { ROLES } from './roles.ts';\nexport const a = ROLES;\n")).toHaveLength(0);
  });

  it('keeps routes off repos and the database', async () => {
    expect(await restricted('server/domain/orgs/orgs.routes.ts', "import { listOrgRows } from './orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
    expect(await restricted('server/domain/orgs/orgs.routes.ts', "import { listOrgs } from './orgs.service.ts';\nexport const a = listOrgs;\n")).toHaveLength(0);
  });

  it('keeps services off HTTP: no routes, no fastify', async () => {
    expect(await restricted('server/domain/orgs/orgs.service.ts', "import { orgRoutes } from './orgs.routes.ts';\nexport const a = orgRoutes;\n")).toHaveLength(1);
    expect(await restricted('server/domain/orgs/orgs.service.ts', "import type { FastifyRequest } from 'fastify';\nexport type A = FastifyRequest;\n")).toHaveLength(1);
  });

  it("stops a service from reaching into another domain's repo", async () => {
    expect(await restricted('server/domain/identity/x.service.ts', "import { listOrgRows } from '../orgs/orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
    expect(await restricted('server/domain/identity/x.service.ts', "import { findUserById } from './identity.repo.ts';\nexport const a = findUserById;\n")).toHaveLength(0);
  });

  it('keeps repos from importing services and policies from touching the database', async () => {
    expect(await restricted('server/domain/orgs/orgs.repo.ts', "import { listOrgs } from './orgs.service.ts';\nexport const a = listOrgs;\n")).toHaveLength(1);
    expect(await restricted('server/domain/orgs/orgs.policy.ts', "import { listOrgRows } from './orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
  });

  it('keeps the database layer at the bottom: server/db imports no domain or platform code', async () => {
    expect(await restricted('server/db/x.ts', "import { listOrgs } from '../domain/orgs/orgs.service.ts';\nexport const a = listOrgs;\n")).toHaveLength(1);
    expect(await restricted('server/db/x.ts', "import { contextOf } from '../platform/context.ts';\nexport const a = contextOf;\n")).toHaveLength(1);
    expect(await restricted('server/db/x.ts', "import type { Database } from './schema.ts';\nexport type A = Database;\n")).toHaveLength(0);
  });

  it('keeps the web app off server code: it talks HTTP', async () => {
    expect(await restricted('web/src/x.ts', "import { buildApp } from '../../server/app.ts';\nexport const a = buildApp;\n")).toHaveLength(1);
  });

  it('freezes migrations: no application imports', async () => {
    expect(await restricted('server/db/migrations/2099-01-01T0000-x.ts', "import { newId } from '../ids.ts';\nexport const a = newId;\n")).toHaveLength(1);
  });
});
