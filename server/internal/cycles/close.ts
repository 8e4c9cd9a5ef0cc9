import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, gt, lt, ne, type SQL, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { cycleAssignments, cycles, followThroughAnswers, participations, responseAnswers, responses, sealedResponses } from "@/db/schema";
import { ASPECT_KEYS, NEEDS, RATINGS } from "@/lib/aspects";
import { clock } from "@/lib/clock";
import { type ClosingResponse, retainAtClose } from "@/lib/scoring";
import type { RaterAnswers, SealedFormat } from "@/lib/survey/sealed-answers";
import { type FrozenCommitment, frozenCommitments } from "@/server/internal/commitments";
import { env } from "@/server/env";
import { cycleOrigin, queueReportReady } from "@/server/internal/email/outbox";
import { mailTransport } from "@/server/mail";
import { openAnswers, type SealKey, sealKey } from "@/server/seal";
import { scoreCycleTeams } from "@/server/internal/team-scores";
import { dropClosedPartitions } from "./sealed-partitions";

/** The key given to this app instance is not the one the cycle's answers were sealed with. */
export class SealKeyMismatch extends Error {
  override readonly name = "SealKeyMismatch";
}

/** What the close keeps of a response besides its comment: the answers by aspect, and the follow-through by place. */
type Answers = Pick<RaterAnswers, "aspects" | "followThrough">;

/** Rows per insert statement: well under PostgreSQL's limit of 65,535 parameters. */
const BATCH = 1_000;

/**
 * Sealed rows read and opened at a time. A large cycle's sealed rows are hundreds of
 * megabytes (10,000 teams: 110,000 rows, 450 MB): read at once they outlast the statement
 * timeout, and opened in one pass they hold the server's only thread for seconds, while
 * every other page waits. Between batches the close lets other requests run.
 */
const SEALED_BATCH = 2_000;

/**
 * The close is the one piece of work that rewrites a whole cycle in one transaction; its
 * statements may take longer than a page's (the team summaries of 10,000 teams, say).
 */
const CLOSE_STATEMENT_TIMEOUT_MS = Math.max(env.DATABASE_STATEMENT_TIMEOUT_MS, 300_000);

/**
 * Closes an open cycle: the one moment its answers are read. In one transaction it
 * - opens the seals of the cycle's responses (server/seal.ts), in the app;
 * - keeps what may ever be shown (lib/scoring `retainAtClose`): nothing of a team below
 *   the cycle's k but its count, no comment of a team below the comment threshold;
 * - writes what it keeps under new random ids, in random order, as rows of this one
 *   transaction, with nothing that pairs them with participation;
 * - deletes the sealed rows, fills the cycle's team summaries with their scores, and marks
 *   it closed.
 * After the commit the cycle's partition of sealed rows is dropped, files and all (see
 * sealed-partitions.ts). Plaintext answers are never written before this transaction, so
 * no earlier image of them exists anywhere: not in the table files, not in the WAL.
 *
 * `closedAt` backdates the close, for the demo's past cycles, and `alsoInTransaction`
 * records what else belongs to the close (an audit entry, say). With email on, the close
 * queues "your report is ready" for each manager whose team met k; `announce: false` (the
 * demo's past cycles) queues nothing. Returns false when the
 * cycle was not open (already closed, say). Throws SealKeyMismatch, and changes nothing,
 * when this instance holds another key than the one that sealed the answers.
 */
export async function closeCycle(
  db: Database,
  cycleId: string,
  options: { closedAt?: Date; key?: SealKey; alsoInTransaction?: (tx: Transaction) => Promise<void>; announce?: boolean; origin?: string } = {},
): Promise<boolean> {
  const key = options.key ?? sealKey();
  const closed = await db.transaction(async (tx) => {
    const [cycle] = await tx
      .select({
        state: cycles.state,
        name: cycles.name,
        minRaters: cycles.minRaters,
        minCommenters: cycles.minCommenters,
        fingerprint: cycles.sealKeyFingerprint,
        sealedFormat: cycles.sealedFormat,
      })
      .from(cycles)
      .where(eq(cycles.id, cycleId))
      .for("update");
    if (cycle?.state !== "open") return false;
    await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${CLOSE_STATEMENT_TIMEOUT_MS}`));
    const managers = await teamSizes(tx, cycleId);
    const opened: ClosingResponse<Answers>[] = [];
    for (let after: string | null = null, more = true; more;) {
      const batch = await tx
        .select({ id: sealedResponses.id, managerId: sealedResponses.managerId, sealed: sealedResponses.sealed })
        .from(sealedResponses)
        .where(and(eq(sealedResponses.cycleId, cycleId), after === null ? undefined : gt(sealedResponses.id, after)))
        .orderBy(asc(sealedResponses.id))
        .limit(SEALED_BATCH);
      if (batch.length > 0 && cycle.fingerprint !== key.fingerprint) {
        throw new SealKeyMismatch(`The answers of ${cycle.name} were sealed with another key than this instance's FULCRUM_SEAL_KEY.`);
      }
      for (const { managerId, sealed } of batch) {
        // A sealed row only opens for the cycle and manager it was sealed for; one for a
        // manager outside the cycle's snapshot was not written by the app.
        if (!managers.has(managerId)) throw new Error("A sealed response names a manager outside the cycle's snapshot.");
        const { aspects, followThrough, comment } = openAnswers(key, cycleId, managerId, sealed, cycle.sealedFormat as SealedFormat);
        opened.push({ managerId, answers: { aspects, followThrough }, comment });
      }
      more = batch.length === SEALED_BATCH;
      after = batch.at(-1)?.id ?? null;
      if (more) await new Promise((resolve) => setImmediate(resolve));
    }
    const kept = retainAtClose([...opened, ...(await takeClearAnswers(tx, cycleId))], managers, {
      k: cycle.minRaters ?? undefined,
      commentThreshold: cycle.minCommenters ?? undefined,
    });
    await writeResponses(tx, cycleId, kept, await frozenCommitments(tx, cycleId));
    await tx.delete(sealedResponses).where(eq(sealedResponses.cycleId, cycleId));
    // The teams page reads per-team sufficient statistics, not the answers: they are
    // computed here, once, from what was kept (see cycle_team_summaries).
    await tx.execute(sql`SELECT fill_cycle_team_summaries(${cycleId}::uuid)`);
    // And what the gate lets through of them, so that the page need not score every team.
    await scoreCycleTeams(tx, cycleId);
    // "Your report is ready", to the managers whose team met k, when email is on and the
    // links have an address (the closing admin's, configured, or the invitations').
    const origin =
      options.announce !== false && mailTransport() ? (options.origin ?? (await cycleOrigin(tx, cycleId, env.FULCRUM_PUBLIC_URL?.replace(/\/$/, "")))) : null;
    if (origin) await queueReportReady(tx, cycleId, origin);
    await tx
      .update(cycles)
      .set({ state: "closed", closedAt: options.closedAt ?? clock.now() })
      .where(eq(cycles.id, cycleId));
    await options.alsoInTransaction?.(tx);
    return true;
  });
  if (closed) {
    await dropClosedPartitions(db);
    await db.execute(sql`VACUUM (ANALYZE) responses, response_answers, cycle_team_summaries`);
  }
  return closed;
}

/** Per manager in the cycle's snapshot: how many of the reps invited to rate them took part. */
async function teamSizes(tx: Transaction, cycleId: string): Promise<Map<string, number>> {
  const invited = await tx
    .selectDistinct({ managerId: cycleAssignments.managerId })
    .from(cycleAssignments)
    .where(and(eq(cycleAssignments.cycleId, cycleId), ne(cycleAssignments.raterId, cycleAssignments.managerId)));
  const took = await tx
    .select({ managerId: participations.managerId, respondents: count() })
    .from(participations)
    .where(eq(participations.cycleId, cycleId))
    .groupBy(participations.managerId);
  const sizes = new Map(invited.map(({ managerId }) => [managerId, 0]));
  for (const { managerId, respondents } of took) sizes.set(managerId, respondents);
  return sizes;
}

const rating = z.literal(RATINGS).nullable();
const need = z.literal(NEEDS).nullable();
/** A response stored in the clear, with its answers by aspect. */
const clearResponseRow = z.object({
  managerId: z.string(),
  comment: z.string().nullable(),
  aspects: z.partialRecord(z.enum(ASPECT_KEYS), z.object({ management: rating, leadership: rating, need })),
});
const CANT_SAY = { management: null, leadership: null, need: null } as const;

/**
 * Answers that an earlier version of Fulcrum, from before sealing, stored in the clear in
 * a cycle that was open when this one was installed (and the large benchmark seed, which
 * writes its answers that way): read and removed, to be kept or not like the sealed ones.
 */
async function takeClearAnswers(tx: Transaction, cycleId: string): Promise<ClosingResponse<Answers>[]> {
  const rows = await selectRows(
    tx,
    sql`SELECT r.manager_id AS "managerId", r.comment,
        json_object_agg(a.aspect, json_build_object('management', a.management, 'leadership', a.leadership, 'need', a.need)) AS aspects
      FROM responses r JOIN response_answers a ON a.response_id = r.id
      WHERE r.cycle_id = ${cycleId}
      GROUP BY r.id`,
    clearResponseRow,
  );
  if (rows.length > 0) await tx.delete(responses).where(eq(responses.cycleId, cycleId));
  // An aspect without a row of answers is "can't say" on every item, as it always was.
  return rows.map(({ managerId, comment, aspects }) => ({
    managerId,
    comment,
    answers: {
      aspects: Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, aspects[aspect] ?? CANT_SAY])) as Answers["aspects"],
      followThrough: [],
    },
  }));
}

/**
 * Writes what the close keeps. A response's follow-through answers go to the commitments
 * of its manager that this cycle's opening froze, by their place in the list; a place the
 * manager left empty was never asked about.
 */
async function writeResponses(tx: Transaction, cycleId: string, kept: readonly ClosingResponse<Answers>[], frozen: readonly FrozenCommitment[]) {
  const rows = kept.map((response) => ({ ...response, id: randomUUID() }));
  const followThroughOf = ({ id, managerId, answers }: (typeof rows)[number]) =>
    frozen
      .filter((commitment) => commitment.managerId === managerId)
      .map((commitment) => ({
        responseId: id,
        commitmentId: commitment.id,
        cycleId,
        managerId,
        rating: answers.followThrough[commitment.position - 1] ?? null,
      }));
  for (let start = 0; start < rows.length; start += BATCH) {
    const part = rows.slice(start, start + BATCH);
    await tx.insert(responses).values(part.map(({ id, managerId, comment }) => ({ id, cycleId, managerId, comment })));
    await tx
      .insert(responseAnswers)
      .values(part.flatMap(({ id, answers }) => ASPECT_KEYS.map((aspect) => ({ responseId: id, aspect, ...answers.aspects[aspect] }))));
    const followThrough = part.flatMap(followThroughOf);
    if (followThrough.length > 0) await tx.insert(followThroughAnswers).values(followThrough);
  }
}

/** An open cycle past its close date, which the next request that touches cycles closes. */
const isDue = (table: { state: AnyPgColumn; closesOn: AnyPgColumn }) => and(eq(table.state, "open"), lt(table.closesOn, clock.today()));

/**
 * Whether closeDueCycles has a cycle to close, as a column: a write's first statement
 * carries it, so that the usual case, nothing due, costs no statement of its own.
 */
export function anyCycleDue(): SQL<boolean> {
  const due = alias(cycles, "due_cycle");
  // Drizzle writes an alias by its name alone, so the table is named here.
  return sql<boolean>`EXISTS (SELECT 1 FROM ${cycles} AS ${sql.identifier("due_cycle")} WHERE ${isDue(due)})`;
}

/**
 * Closes every open cycle whose close date has passed. Called on the requests that touch
 * cycles, so no scheduler is needed: a cycle closes at the latest on the next such request.
 * Dates are UTC calendar days, from the app's clock; a cycle stays open through its close
 * date.
 */
export async function closeDueCycles(db: Database): Promise<number> {
  const due = await db.select({ id: cycles.id }).from(cycles).where(isDue(cycles));
  let closedCount = 0;
  for (const cycle of due) if (await closeCycle(db, cycle.id)) closedCount++;
  return closedCount;
}
