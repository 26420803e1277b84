// The element rules of many versions at once (a publication checks every changed item): the org list and the work
// calendar are read once, where items.service's validateElements reads both for every element set.
import { addCivilMonths, addWorkingDays, parseIsoDate } from '../../../common/calendar.ts';
import { itemProblems, type ItemElements, type LimitConverter, type Problem } from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { workCalendarFor } from '../calendar/calendar.service.ts';
import { listOrgs } from '../orgs/orgs.service.ts';

// TODO: items.service's validateElements and import.service's limitConverter build the same converter: make both
// call elementValidator (left alone here while those files are being edited elsewhere).
async function limitConverter(ctx: ServiceContext): Promise<LimitConverter | undefined> {
  const today = ctx.now.toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const cal = await workCalendarFor(ctx, [year, year + 1, year + 2, year + 3]);
  if (!cal.loadedYears.has(year)) return undefined;
  const start = parseIsoDate(today);
  return (limit) => {
    try {
      if (limit.unit === 'day') return limit.amount;
      const due = limit.unit === 'workday' ? addWorkingDays(cal, today, limit.amount) : addCivilMonths(cal, today, limit.amount);
      return parseIsoDate(due) - start;
    } catch {
      return limit.amount * (limit.unit === 'month' ? 31 : 1.4);
    }
  };
}

/** Every rule problem of an element set (calendar-aware), as a function built once for many sets: same rules as validateElements. */
export async function elementValidator(ctx: ServiceContext): Promise<(el: ItemElements) => Problem[]> {
  const orgIds = new Set((await listOrgs(ctx)).map((o) => o.id));
  const toDays = await limitConverter(ctx);
  return (el) => itemProblems(el, { filingTypeCode: ctx.config.filingTypeCode, toDays, orgExists: (id) => orgIds.has(id) });
}
