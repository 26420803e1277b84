// The element rules (calendar-aware) for one element set or, read once, for many (a publication, an import).
import { addCivilMonths, addWorkingDays, parseIsoDate } from '../../../common/calendar.ts';
import { itemProblems, type ItemElements, type LimitConverter, type Problem } from '../../../common/item-elements.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { workCalendarFor } from '../calendar/calendar.service.ts';
import { listOrgs } from '../orgs/orgs.service.ts';

/** Converts a time limit to calendar days from today (promised ≤ statutory across units); undefined without a calendar. */
export async function limitConverter(ctx: ServiceContext): Promise<LimitConverter | undefined> {
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
/** Every rule problem of one element set (calendar-aware). */
export async function validateElements(ctx: ServiceContext, el: ItemElements): Promise<Problem[]> {
  return (await elementValidator(ctx))(el);
}

export async function elementValidator(ctx: ServiceContext): Promise<(el: ItemElements) => Problem[]> {
  const orgIds = new Set((await listOrgs(ctx)).map((o) => o.id));
  const toDays = await limitConverter(ctx);
  return (el) => itemProblems(el, { filingTypeCode: ctx.config.filingTypeCode, toDays, orgExists: (id) => orgIds.has(id) });
}
