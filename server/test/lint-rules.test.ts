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
    expect(await restricted('common/x.ts', "import { ROLES } from './roles.ts';\nexport const a = ROLES;\n")).toHaveLength(0);
  });

  it('keeps routes off repos and the database', async () => {
    expect(await restricted('server/domain/orgs/orgs.routes.ts', "import { listOrgRows } from './orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
    expect(await restricted('server/domain/orgs/orgs.routes.ts', "import { listOrgs } from './orgs.service.ts';\nexport const a = listOrgs;\n")).toHaveLength(0);
  });

  it("stops a service from reaching into another domain's repo", async () => {
    expect(await restricted('server/domain/identity/x.service.ts', "import { listOrgRows } from '../orgs/orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
    expect(await restricted('server/domain/identity/x.service.ts', "import { findUserById } from './identity.repo.ts';\nexport const a = findUserById;\n")).toHaveLength(0);
  });

  it('keeps repos from importing services and policies from touching the database', async () => {
    expect(await restricted('server/domain/orgs/orgs.repo.ts', "import { listOrgs } from './orgs.service.ts';\nexport const a = listOrgs;\n")).toHaveLength(1);
    expect(await restricted('server/domain/orgs/orgs.policy.ts', "import { listOrgRows } from './orgs.repo.ts';\nexport const a = listOrgRows;\n")).toHaveLength(1);
  });

  it('freezes migrations: no application imports', async () => {
    expect(await restricted('server/db/migrations/2099-01-01T0000-x.ts', "import { newId } from '../ids.ts';\nexport const a = newId;\n")).toHaveLength(1);
  });
});
