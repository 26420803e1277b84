// The portal's own reads: stamps, small rows that change whenever what a public page shows changes, so a page
// rendered for one stamp can be served again while the stamp stays the same (ADR 0010).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** What a guide page shows, in a few values: equal stamps, equal page (with the same language, mode and URL). */
export interface GuideStamp {
  /** The final version effective at the instant asked: final versions never change, except where they end. */
  versionId: string;
  versionNo: number;
  effectiveTo: string | null;
  /** Public feedback on the item: rows are added and answered once, never edited or removed. */
  feedbackCount: number;
  answeredCount: number;
  lastAnsweredAt: string | null;
  /** Raised by a trigger on every write to `org` (site name, the item's org, the entrusting org). */
  orgGeneration: number;
}

/** The stamp of an item's guide page at `at`: undefined when the item does not exist or has no version then. */
export async function findGuideStamp(db: Kysely<Database>, code: string, at: string): Promise<GuideStamp | undefined> {
  const row = await db
    .selectFrom('item as i')
    .innerJoin('item_version as v', 'v.item_id', 'i.id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('feedback')
          .select((f) => [f.fn.countAll<number>().as('n'), f.fn.count<number>('answer').as('answered'), f.fn.max('answered_at').as('last')])
          .where('target_kind', '=', 'item')
          .where('target_ref', '=', code)
          .as('f'),
      (join) => join.onTrue(),
    )
    .innerJoin('table_generation as g', (join) => join.on('g.name', '=', 'org'))
    .select(['v.id', 'v.version_no', 'v.effective_to', 'f.n', 'f.answered', 'f.last', 'g.generation'])
    .where('i.implementation_code', '=', code)
    .where('v.state', '=', 'final')
    .where('v.effective_from', '<=', at)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', at)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    versionId: row.id, versionNo: row.version_no, effectiveTo: row.effective_to,
    feedbackCount: Number(row.n), answeredCount: Number(row.answered), lastAnsweredAt: row.last ?? null, orgGeneration: Number(row.generation),
  };
}

/** The org table's generation: it rises with every write to `org`. */
export async function orgGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('table_generation').select('generation').where('name', '=', 'org').executeTakeFirstOrThrow();
  return Number(row.generation);
}
