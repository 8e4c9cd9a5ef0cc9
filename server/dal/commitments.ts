import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { selectRows } from "@/db/raw";
import { commitments } from "@/db/schema";
import { clock } from "@/lib/clock";
import { commitmentListSchema, type CommitmentInput, commitmentText, sameCommitment } from "@/lib/commitments";
import { formatDay } from "@/lib/dates";
import { uuidSchema } from "@/lib/ids";
import { commitmentInputOf, lockCommitmentsForChange } from "@/server/internal/commitments";
import { newestCycleFirst } from "@/server/internal/cycle-order";
import { aboveInSnapshot } from "@/server/internal/snapshot-tree";
import { ExpectedError, ForbiddenError } from "./errors";
import type { Viewer } from "./viewer";

/**
 * A manager's commitments after a closed cycle's report: what they will practise before the
 * next cycle (lib/commitments.ts). They are the manager's own and not anonymous.
 *
 * Who may do what:
 * - read: the manager, and anyone above the manager in that cycle's snapshot (the same
 *   rule as the report, server/internal/snapshot-tree.ts); anyone else, admins included,
 *   gets a ForbiddenError;
 * - change: the manager alone, and only their own, which is why no function here takes a
 *   manager to change: it is always the viewer. Only while the cycle is their latest closed
 *   cycle (one in which their team rated them) and no cycle has opened since it closed.
 *   Opening a cycle freezes them (server/internal/cycles/open.ts); the database refuses any
 *   change to a frozen commitment, and any commitment a rule here would refuse.
 */

export interface CommittedAction {
  id: string;
  /** 1 for the first in the manager's list. */
  position: number;
  commitment: CommitmentInput;
  /** The library's words, or the manager's. */
  text: string;
}

export interface CommitmentList {
  manager: { id: string; name: string };
  cycle: { id: string; name: string };
  /** The viewer is the manager. */
  own: boolean;
  /**
   * Whether the manager may still change them: it is their latest report and no cycle has
   * opened since. Only the manager ever changes them.
   */
  open: boolean;
  /** Why they can no longer change, when they cannot. */
  closedBy:
    { reason: "next-cycle-opened"; cycleName: string; openedOn: string } | { reason: "newer-report"; cycleName: string } | { reason: "not-closed" } | null;
  /** The cycle whose opening froze them; null while none is frozen. */
  frozenIn: string | null;
  items: CommittedAction[];
}

/** A commitment's cycle as the manager stands in it, and where the viewer stands. */
const standingRow = z.object({
  cycleName: z.string(),
  state: z.enum(["draft", "open", "closed"]),
  managerName: z.string().nullable(),
  /** The manager's team was invited to rate them in this cycle. */
  rated: z.boolean(),
  above: z.boolean(),
  latestId: z.string().nullable(),
  latestName: z.string().nullable(),
  /** The first cycle to open after this one closed. */
  nextName: z.string().nullable(),
  nextOpenedOn: z.iso.date().nullable(),
});
type Standing = z.infer<typeof standingRow>;

async function standing(db: Database | Transaction, viewerId: string, managerId: string, cycleId: string): Promise<Standing | undefined> {
  const [row] = await selectRows(
    db,
    sql`
      WITH RECURSIVE ${aboveInSnapshot(managerId, cycleId)},
      rated AS (
        SELECT DISTINCT a.cycle_id FROM cycle_assignments a WHERE a.manager_id = ${managerId} AND a.rater_id <> a.manager_id
      ),
      latest AS (
        SELECT l.id, l.name FROM cycles l JOIN rated ON rated.cycle_id = l.id
        WHERE l.state = 'closed'
        ORDER BY ${newestCycleFirst("l")}
        LIMIT 1
      )
      SELECT c.name AS "cycleName", c.state::text AS state,
        (SELECT name FROM people WHERE id = ${managerId}) AS "managerName",
        EXISTS (SELECT 1 FROM rated WHERE rated.cycle_id = c.id) AS rated,
        EXISTS (SELECT 1 FROM above WHERE above.cycle_id = c.id AND above.person_id = ${viewerId}) AS above,
        (SELECT id FROM latest) AS "latestId",
        (SELECT name FROM latest) AS "latestName",
        next.name AS "nextName",
        to_char(next.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "nextOpenedOn"
      FROM cycles c
      LEFT JOIN LATERAL (
        SELECT o.name, o.opened_at FROM cycles o
        WHERE o.id <> c.id AND o.opened_at >= c.closed_at
        ORDER BY o.opened_at, o.name
        LIMIT 1
      ) next ON true
      WHERE c.id = ${cycleId}`,
    standingRow,
  );
  return row;
}

function closedBy(cycleId: string, where: Standing): CommitmentList["closedBy"] {
  if (where.state !== "closed") return { reason: "not-closed" };
  if (where.nextName !== null && where.nextOpenedOn !== null) return { reason: "next-cycle-opened", cycleName: where.nextName, openedOn: where.nextOpenedOn };
  if (where.latestId !== cycleId) return { reason: "newer-report", cycleName: where.latestName ?? "" };
  return null;
}

async function listOf(db: Database | Transaction, managerId: string, cycleId: string) {
  return db
    .select({
      id: commitments.id,
      position: commitments.position,
      aspect: commitments.aspect,
      direction: commitments.direction,
      actionId: commitments.actionId,
      customText: commitments.customText,
      createdAt: commitments.createdAt,
      updatedAt: commitments.updatedAt,
      frozenIn: sql<string | null>`(SELECT name FROM cycles WHERE id = ${commitments.frozenInCycleId})`,
    })
    .from(commitments)
    .where(and(eq(commitments.managerId, managerId), eq(commitments.cycleId, cycleId)))
    .orderBy(asc(commitments.position));
}
type Row = Awaited<ReturnType<typeof listOf>>[number];

/**
 * A manager's commitments after one closed cycle's report, for the manager or anyone above
 * them in that cycle's snapshot; anyone else gets a ForbiddenError, whatever exists or not.
 */
export async function loadCommitments(db: Database, viewer: Viewer, managerId: string, cycleId: string): Promise<CommitmentList> {
  if (!uuidSchema.safeParse(managerId).success || !uuidSchema.safeParse(cycleId).success) throw new ForbiddenError("see these commitments");
  const own = managerId === viewer.id;
  const where = await standing(db, viewer.id, managerId, cycleId);
  if (!where || where.state !== "closed" || !where.rated || where.managerName === null || !(own || where.above)) {
    throw new ForbiddenError("see these commitments");
  }
  const rows = await listOf(db, managerId, cycleId);
  const blocked = closedBy(cycleId, where);
  return {
    manager: { id: managerId, name: where.managerName },
    cycle: { id: cycleId, name: where.cycleName },
    own,
    open: blocked === null,
    closedBy: blocked,
    frozenIn: rows.find((row) => row.frozenIn !== null)?.frozenIn ?? null,
    items: rows.map((row) => {
      const commitment = commitmentInputOf(row);
      return { id: row.id, position: row.position, commitment, text: commitmentText(commitment) };
    }),
  };
}

/** A commitment or a list the rules refuse: the message says why, and nothing was written. */
export class CommitmentRefusal extends ExpectedError {
  override name = "CommitmentRefusal";
}

/** The same refusal, when the page that sent it no longer shows what is true: the pipeline reads it again. */
class StaleCommitments extends CommitmentRefusal {
  override readonly stale = true;
}

/**
 * In a transaction that holds the change lock and the manager's row: the viewer's standing
 * in the cycle, refused unless they may change their commitments for it now.
 */
async function assertChangeable(tx: Transaction, viewer: Viewer, cycleId: string) {
  const where = await standing(tx, viewer.id, viewer.id, cycleId);
  if (!where || !where.rated || where.state === "draft") throw new ForbiddenError("commit to actions for this cycle");
  const blocked = closedBy(cycleId, where);
  if (blocked?.reason === "not-closed") {
    throw new CommitmentRefusal(`${where.cycleName} is still open: you commit to actions once its report is out.`);
  }
  if (blocked?.reason === "next-cycle-opened") {
    throw new StaleCommitments(
      `${blocked.cycleName} opened on ${formatDay(blocked.openedOn)}: your commitments after ${where.cycleName} can no longer change.`,
    );
  }
  if (blocked?.reason === "newer-report") {
    throw new StaleCommitments(`You commit to actions on your latest report, ${blocked.cycleName}.`);
  }
}

/** Writes the viewer's list for a cycle as given, keeping the id and dates of every commitment that stays as it was. */
async function writeList(tx: Transaction, viewer: Viewer, cycleId: string, before: readonly Row[], list: readonly CommitmentInput[]) {
  const now = clock.now();
  const rows = list.map((commitment, index) => {
    const kept = before.find((row) => sameCommitment(commitmentInputOf(row), commitment));
    const position = index + 1;
    return {
      id: kept?.id,
      managerId: viewer.id,
      cycleId,
      position,
      aspect: commitment.aspect,
      direction: commitment.direction,
      actionId: commitment.source === "library" ? commitment.actionId : null,
      customText: commitment.source === "own" ? commitment.text : null,
      createdAt: kept?.createdAt ?? now,
      updatedAt: kept && kept.position === position ? kept.updatedAt : now,
    };
  });
  // All at once: a row that moves up a place never meets the row it replaces.
  await tx.delete(commitments).where(and(eq(commitments.managerId, viewer.id), eq(commitments.cycleId, cycleId)));
  if (rows.length > 0) await tx.insert(commitments).values(rows);
}

/** Runs a change of the viewer's own commitments for a cycle: in one transaction, after the checks, with the current list. */
async function change<T>(db: Database, viewer: Viewer, cycleId: string, work: (tx: Transaction, before: Row[]) => Promise<T>): Promise<T> {
  if (!uuidSchema.safeParse(cycleId).success) throw new ForbiddenError("commit to actions for this cycle");
  return db.transaction(async (tx) => {
    await lockCommitmentsForChange(tx);
    // One change of a manager's list at a time: the second sees what the first wrote.
    await tx.execute(sql`SELECT 1 FROM people WHERE id = ${viewer.id} FOR NO KEY UPDATE`);
    await assertChangeable(tx, viewer, cycleId);
    return work(tx, await listOf(tx, viewer.id, cycleId));
  });
}

export type SaveOutcome = { status: "saved" | "unchanged"; count: number };

/**
 * Replaces the viewer's own commitments after a cycle's report with `input`, a list of one
 * to three (lib/commitments `commitmentListSchema`: a library action must be filed under the
 * aspect and direction given), in one transaction. Anything refused writes nothing.
 */
export async function saveCommitments(db: Database, viewer: Viewer, cycleId: string, input: readonly CommitmentInput[]): Promise<SaveOutcome> {
  const parsed = commitmentListSchema.safeParse(input);
  if (!parsed.success) throw new CommitmentRefusal(parsed.error.issues[0]?.message ?? "Check your commitments.");
  const list = parsed.data;
  return change(db, viewer, cycleId, async (tx, before) => {
    const unchanged = before.length === list.length && before.every((row, index) => sameCommitment(commitmentInputOf(row), list[index]!));
    if (unchanged) return { status: "unchanged", count: list.length };
    await writeList(tx, viewer, cycleId, before, list);
    return { status: "saved", count: list.length };
  });
}

/** Takes the viewer's commitment at `position` off their list for a cycle; the ones after it move up. Returns how many are left. */
export async function removeCommitment(db: Database, viewer: Viewer, cycleId: string, position: number): Promise<number> {
  return change(db, viewer, cycleId, async (tx, before) => {
    if (!before.some((row) => row.position === position)) throw new StaleCommitments("That commitment is no longer on your list.");
    const rest = before.filter((row) => row.position !== position);
    await writeList(tx, viewer, cycleId, before, rest.map(commitmentInputOf));
    return rest.length;
  });
}
