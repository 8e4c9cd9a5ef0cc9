import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { cycles, sealedResponses } from "@/db/schema";
import { ASPECT_KEYS, type Need, type Rating } from "@/lib/aspects";
import type { RaterAnswers, SealedFormat } from "@/lib/survey/sealed-answers";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import { sealAnswers, sealKey } from "@/server/seal";
import { z } from "zod";

const DAY_MS = 86_400_000;
/** Sealed rows per insert: each is about 4 KB, so a statement carries about 2 MB. */
const BATCH = 500;
const COMMENTS = [
  "Our one-to-ones have become much more useful this quarter.",
  "I would like clearer priorities when targets change mid-quarter.",
  "Very supportive when deals go sideways.",
  "Team meetings run long and rarely end with decisions.",
];

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));

/** One rep's answers around their manager's profile, with a few "can't say" and a comment one time in five. */
function answersAround(profile: { management: number; leadership: number; need: number }, random: () => number): RaterAnswers {
  const noise = () => (random() + random() + random() - 1.5) * 1.5;
  const item = <T extends number>(mean: number, low: number, high: number): T | null => (random() < 0.05 ? null : (clamp(mean + noise(), low, high) as T));
  return {
    aspects: Object.fromEntries(
      ASPECT_KEYS.map((aspect) => [
        aspect,
        { management: item<Rating>(profile.management, 1, 5), leadership: item<Rating>(profile.leadership, 1, 5), need: item<Need>(profile.need, -2, 2) },
      ]),
    ) as RaterAnswers["aspects"],
    followThrough: [],
    comment: random() < 0.2 ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : null,
  };
}

/**
 * This quarter's cycle, opened a week before `today` as the product opens one (snapshot,
 * then `markOpen`, which records the seal key and creates the partition), answered by most
 * of each team: a participation per rep and a sealed row per participation, sealed with
 * this process's key in the cycle's format, as the survey action writes them. Nothing of
 * it is in the clear, so closing it opens every seal, as a real close does.
 * Returns the number of sealed responses.
 */
export async function openCycleWithSealedAnswers(db: Database, today: Date, random: () => number): Promise<number> {
  const opensOn = new Date(today.getTime() - 7 * DAY_MS);
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const cycleId = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cycles)
      .values({
        name: `Q${quarter} ${today.getUTCFullYear()}`,
        opensOn: opensOn.toISOString().slice(0, 10),
        closesOn: new Date(today.getTime() + 20 * DAY_MS).toISOString().slice(0, 10),
        createdAt: opensOn,
      })
      .returning({ id: cycles.id });
    await takeSnapshot(tx, created!.id);
    await markOpen(tx, created!.id, { openedAt: opensOn });
    return created!.id;
  });
  const [opened] = await db.select({ sealedFormat: cycles.sealedFormat }).from(cycles).where(eq(cycles.id, cycleId));
  const format = opened!.sealedFormat as SealedFormat;

  await db.execute(sql`
    INSERT INTO participations (cycle_id, rater_id, manager_id, submitted_on)
    SELECT a.cycle_id, a.rater_id, a.manager_id, ${opensOn.toISOString().slice(0, 10)}::date + floor(random() * 7)::int
    FROM cycle_assignments a
    WHERE a.cycle_id = ${cycleId} AND a.rater_id <> a.manager_id AND random() < 0.92`);
  const teams = await selectRows(
    db,
    sql`SELECT manager_id AS "managerId", count(*)::int AS respondents FROM participations WHERE cycle_id = ${cycleId} GROUP BY manager_id ORDER BY manager_id`,
    z.object({ managerId: z.string(), respondents: z.int() }),
  );

  const key = sealKey();
  let rows: { cycleId: string; managerId: string; sealed: Buffer }[] = [];
  let written = 0;
  const flush = async () => {
    if (rows.length > 0) await db.insert(sealedResponses).values(rows);
    written += rows.length;
    rows = [];
  };
  for (const { managerId, respondents } of teams) {
    const profile = { management: 1.8 + 2.8 * random(), leadership: 1.8 + 2.8 * random(), need: random() * 2.4 - 1.2 };
    for (let i = 0; i < respondents; i++) {
      rows.push({ cycleId, managerId, sealed: sealAnswers(key, cycleId, managerId, answersAround(profile, random), format) });
      if (rows.length === BATCH) await flush();
    }
  }
  await flush();
  return written;
}
