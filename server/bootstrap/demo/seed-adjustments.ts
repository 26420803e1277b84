// Demo data of the adjustment workflow (issue 4 §8): triggers (one overdue, one due soon), requests in every state,
// one delegated item with an open handover. Goes through the services, as the people who would do each step.
import type { Role } from '../../../common/roles.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { actOnRequest, fileRequest } from '../../domain/adjustments/adjustments.service.ts';
import { registerTrigger } from '../../domain/adjustments/triggers.service.ts';
import { listItems } from '../../domain/catalogue/list.service.ts';
import { findUserByUsername, rolesOfUser } from '../../domain/identity/identity.repo.ts';
import { listOrgs } from '../../domain/orgs/orgs.service.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { publishList } from '../../domain/publications/publications.service.ts';
import { createSeal } from '../../domain/seals/seals.service.ts';

async function as(database: Db, config: Config, username: string): Promise<ServiceContext> {
  const user = await findUserByUsername(database.db, username);
  if (!user) throw new Error(`demo user ${username} missing: run seedDemo first`);
  const roles = (await rolesOfUser(database.db, user.id)).filter((r) => r.orgId === user.org_id).map((r) => r.role as Role);
  return {
    db: database.db, dialect: database.dialect, config, requestId: 'seed-demo', ip: null, now: new Date(),
    actor: { userId: user.id, username, displayName: user.display_name, orgId: user.org_id, roles, sessionId: 'seed' },
  };
}

const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Loads the adjustment demo on a database that already has demo orgs, users and items. Returns what it made. */
export async function seedDemoAdjustments(database: Db, config: Config): Promise<{ triggers: number; requests: number }> {
  const clerk = await as(database, config, 'scjg');
  const leader = await as(database, config, 'scjg-leader');
  const reviewer = await as(database, config, 'reviewer');
  const admin = await as(database, config, 'admin');
  const orgs = await listOrgs(admin);
  const town = orgs.find((o) => o.nameZh === '嘎鲁图镇');
  const items = (await listItems(clerk, { orgId: clerk.actor!.orgId, limit: 12 })).items;
  if (!town || items.length < 10) return { triggers: 0, requests: 0 };
  const code = (i: number) => items[i].implementationCode;

  const overdue = await registerTrigger(admin, {
    kind: 'law_amended', title: '《中华人民共和国食品安全法实施条例》修订', docNumber: '国务院令第721号', issuingBody: '国务院',
    occurredOn: beijingDay(-45), responsibleOrgIds: [clerk.actor!.orgId], itemCodes: [code(0)],
  });
  const dueSoon = await registerTrigger(admin, {
    kind: 'superior_delegation', title: '鄂尔多斯市关于下放部分市场监管事项的决定', docNumber: '鄂府发〔2026〕31号', issuingBody: '鄂尔多斯市人民政府',
    occurredOn: beijingDay(-27), responsibleOrgIds: [clerk.actor!.orgId, town.id],
  });

  const change = (i: number, title: string, extra: Record<string, unknown> = {}) =>
    fileRequest(clerk, { kind: 'change', reasonCode: 'process_optimisation', title, items: [{ itemCode: code(i) }], ...extra });
  const review = async (id: string) => {
    await actOnRequest(leader, id, 'submit');
    await actOnRequest(reviewer, id, 'start_review');
  };

  await change(1, '压缩承诺办结时限（草稿）');
  const submitted = await change(2, '精简申请材料');
  await actOnRequest(leader, submitted.id, 'submit');
  const underReview = await change(3, '优化办理流程', { triggerIds: [overdue.id] });
  await review(underReview.id);
  const returned = await change(4, '调整网上办理深度');
  await review(returned.id);
  await actOnRequest(reviewer, returned.id, 'return', '请补充网上办事指引链接');
  const rejected = await change(5, '增加现场核查环节');
  await review(rejected.id);
  await actOnRequest(reviewer, rejected.id, 'reject', '增设环节缺少法定依据，不符合“两优”精简要求');
  const withdrawn = await change(6, '变更办理地点');
  await actOnRequest(clerk, withdrawn.id, 'withdraw', '办理地点暂不调整');
  const applied = await change(7, '执行食品安全法实施条例修订');
  await review(applied.id);
  await actOnRequest(reviewer, applied.id, 'approve', '同意');
  const scheduled = await fileRequest(clerk, {
    kind: 'change', reasonCode: 'element_change', title: '按新标准调整要素（定期生效）', effectiveFrom: `${beijingDay(20)}T00:00:00+08:00`, items: [{ itemCode: code(8) }],
  });
  await review(scheduled.id);
  await actOnRequest(reviewer, scheduled.id, 'approve', '同意，按期生效');
  const delegated = await fileRequest(clerk, {
    kind: 'delegate', reasonCode: 'function_change', title: `下放“${items[9].name}”至嘎鲁图镇`, receivingOrgId: town.id, triggerIds: [dueSoon.id], items: [{ itemCode: code(9) }],
  });
  await review(delegated.id);
  await actOnRequest(reviewer, delegated.id, 'approve', '同意下放，请做好指导培训');
  return { triggers: 2, requests: 9 };
}

/** Demo seals for the bureau and the market regulator, and the first publication of the list. */
export async function seedDemoPublication(database: Db, config: Config): Promise<string | null> {
  const admin = await as(database, config, 'admin');
  const reviewer = await as(database, config, 'reviewer');
  const clerk = await as(database, config, 'scjg');
  await createSeal(admin, { orgId: admin.actor!.orgId });
  await createSeal(admin, { orgId: clerk.actor!.orgId });
  const publication = await publishList(reviewer);
  return publication.number;
}
