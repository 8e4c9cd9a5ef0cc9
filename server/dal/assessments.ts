import "server-only";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/client";
import { cycleAssignments, cycles, participations, people, sealedResponses, selfAssessmentAnswers, selfAssessments } from "@/db/schema";
import { ASPECT_KEYS, type Rating } from "@/lib/aspects";
import type { ResponseInput, SelfAssessmentInput } from "@/lib/survey/schema";
import { CURRENT_SEALED_FORMAT, type SealedFormat } from "@/lib/survey/sealed-answers";
import { followThroughQuestion } from "@/lib/follow-through";
import { frozenCommitments } from "@/server/internal/commitments";
import { anyCycleDue, closeDueCycles } from "@/server/internal/cycles/close";
import { sealAnswers, sealKey } from "@/server/seal";
import type { Viewer } from "./viewer";

const manager = alias(people, "manager");

export interface Assessment {
  cycleId: string;
  cycleName: string;
  closesOn: string;
  state: "draft" | "open" | "closed";
  managerId: string;
  managerName: string;
  isSelf: boolean;
  done: boolean;
}

/** Assessments from the cycle snapshots, with whether each is done: one query for both uses. */
function selectAssessments(db: Database | Transaction, where: SQL | undefined) {
  return db
    .select({
      cycleId: cycles.id,
      cycleName: cycles.name,
      closesOn: cycles.closesOn,
      state: cycles.state,
      managerId: manager.id,
      managerName: manager.name,
      isSelf: sql<boolean>`${cycleAssignments.raterId} = ${cycleAssignments.managerId}`,
      done: sql<boolean>`CASE WHEN ${cycleAssignments.raterId} = ${cycleAssignments.managerId}
        THEN EXISTS (SELECT 1 FROM self_assessments s WHERE s.cycle_id = ${cycles.id} AND s.manager_id = ${manager.id})
        ELSE EXISTS (SELECT 1 FROM participations p WHERE p.cycle_id = ${cycles.id}
          AND p.rater_id = ${cycleAssignments.raterId} AND p.manager_id = ${manager.id}) END`,
    })
    .from(cycleAssignments)
    .innerJoin(cycles, eq(cycles.id, cycleAssignments.cycleId))
    .innerJoin(manager, eq(manager.id, cycleAssignments.managerId))
    .where(where);
}

async function findAssessment(db: Database | Transaction, viewer: Viewer, cycleId: string, managerId: string) {
  const [row] = await selectAssessments(
    db,
    and(eq(cycleAssignments.cycleId, cycleId), eq(cycleAssignments.raterId, viewer.id), eq(cycleAssignments.managerId, managerId)),
  );
  return row ?? null;
}

/** The viewer's assessments in open cycles: whom they rate, by when, and whether it is done. */
export async function openAssessmentsFor(db: Database, viewer: Viewer) {
  await closeDueCycles(db);
  return selectAssessments(db, and(eq(cycleAssignments.raterId, viewer.id), eq(cycles.state, "open"))).orderBy(
    asc(cycles.closesOn),
    desc(sql`${cycleAssignments.raterId} <> ${cycleAssignments.managerId}`),
    asc(manager.name),
  );
}

/**
 * The viewer's assessment of one manager in one cycle, or null when the cycle's snapshot
 * does not have the viewer rating that manager. Nobody learns anything about a pairing
 * they are not part of.
 */
export async function loadAssessment(db: Database, viewer: Viewer, cycleId: string, managerId: string): Promise<Assessment | null> {
  await closeDueCycles(db);
  return findAssessment(db, viewer, cycleId, managerId);
}

/** One extra item of a rep's survey: did they see the manager practise what they committed to? */
export interface FollowThroughQuestion {
  /** The commitment's place in the manager's list, which names the item's field. */
  position: number;
  question: string;
}

/**
 * The follow-through items of the viewer's survey of one manager: one per commitment the
 * manager made after an earlier report and this cycle's opening froze. None for a
 * self-assessment, and none for a pairing the viewer is not part of.
 */
export async function loadFollowThroughQuestions(db: Database, viewer: Viewer, cycleId: string, managerId: string): Promise<FollowThroughQuestion[]> {
  const assessment = await findAssessment(db, viewer, cycleId, managerId);
  if (!assessment || assessment.isSelf) return [];
  const firstName = assessment.managerName.split(" ")[0] ?? assessment.managerName;
  const frozen = await frozenCommitments(db, cycleId, managerId);
  return frozen.map(({ position, sinceCycleName, commitment }) => ({ position, question: followThroughQuestion(sinceCycleName, firstName, commitment) }));
}

export type SubmitResult =
  { ok: true; assessment: Assessment } | { ok: false; reason: "not-invited" | "not-open" | "already-done" | "stale-form"; message: string };

const NOT_INVITED = "You are not invited to rate this person in this cycle.";
const STALE_FORM = "The form did not come from this survey. Reload the page and try again.";

/** Follow-through answers by place in the manager's list, as they are sealed: index 0 is place 1. */
function byPlace(answers: ResponseInput["followThrough"]): (Rating | null)[] {
  const places: (Rating | null)[] = Array.from({ length: Math.max(0, ...answers.map((answer) => answer.position)) }, () => null);
  for (const { position, rating } of answers) places[position - 1] = rating;
  return places;
}

/**
 * Records one rep's answers. The participation row (who answered) and the sealed response
 * (what was answered, encrypted under a key the database never holds, with no rater and no
 * time; server/seal.ts) are written in one transaction. The participation's primary key
 * makes a second submit fail, however it races the first, and then nothing at all is
 * written. The answers are read once, at the close, and only then written in the clear.
 */
export async function submitResponse(db: Database, viewer: Viewer, input: ResponseInput): Promise<SubmitResult> {
  const key = sealKey();
  return afterDueCyclesClose(db, async (tx, dueCheck) => {
    const checked = await checkOpenAssessment(tx, viewer, input.cycleId, input.managerId, false, dueCheck);
    if (checked === CYCLES_DUE || !checked.ok) return checked;
    const { assessment, fingerprint, sealedFormat, followThroughPositions } = checked;
    // Answers sealed with another key than the cycle's could never be opened.
    if (fingerprint !== key.fingerprint) throw new Error("This instance's FULCRUM_SEAL_KEY is not the key this cycle was opened with.");
    // The form asks about the commitments the cycle's opening froze, and those never change.
    if (input.followThrough.map((item) => item.position).join(",") !== followThroughPositions.join(",")) {
      return { ok: false, reason: "stale-form", message: STALE_FORM };
    }
    const inserted = await tx
      .insert(participations)
      .values({ cycleId: assessment.cycleId, raterId: viewer.id, managerId: assessment.managerId })
      .onConflictDoNothing()
      .returning({ raterId: participations.raterId });
    if (inserted.length === 0) return alreadyDone(assessment);
    await tx.insert(sealedResponses).values({
      cycleId: assessment.cycleId,
      managerId: assessment.managerId,
      sealed: sealAnswers(
        key,
        assessment.cycleId,
        assessment.managerId,
        { aspects: input.aspects, followThrough: byPlace(input.followThrough), comment: input.comment },
        sealedFormat,
      ),
    });
    return { ok: true, assessment: { ...assessment, done: true } };
  });
}

/** Records a manager's view of themselves: the same items in "I" wording, without the need items. */
export async function submitSelfAssessment(db: Database, viewer: Viewer, input: SelfAssessmentInput): Promise<SubmitResult> {
  return afterDueCyclesClose(db, async (tx, dueCheck) => {
    const checked = await checkOpenAssessment(tx, viewer, input.cycleId, input.managerId, true, dueCheck);
    if (checked === CYCLES_DUE || !checked.ok) return checked;
    const { assessment } = checked;
    const inserted = await tx
      .insert(selfAssessments)
      .values({ cycleId: assessment.cycleId, managerId: viewer.id })
      .onConflictDoNothing()
      .returning({ managerId: selfAssessments.managerId });
    if (inserted.length === 0) return alreadyDone(assessment);
    await tx
      .insert(selfAssessmentAnswers)
      .values(ASPECT_KEYS.map((aspect) => ({ cycleId: assessment.cycleId, managerId: viewer.id, aspect, ...input.aspects[aspect] })));
    return { ok: true, assessment: { ...assessment, done: true } };
  });
}

/** A write given up because some cycle is past its close date (see afterDueCyclesClose). */
const CYCLES_DUE = Symbol("cycles due");

/**
 * Runs a submission's transaction once no cycle is past its close date, as every other
 * access of the data layer does with closeDueCycles, without a statement of its own in the
 * usual case: the first try's first statement also asks whether a cycle is due
 * (checkOpenAssessment), and only if one is does the try give up, before writing anything,
 * for the cycles to close and the transaction to run again, without the question.
 */
async function afterDueCyclesClose<T>(db: Database, write: (tx: Transaction, dueCheck: boolean) => Promise<T | typeof CYCLES_DUE>): Promise<T> {
  const first = await db.transaction((tx) => write(tx, true));
  if (first !== CYCLES_DUE) return first;
  await closeDueCycles(db);
  const second = await db.transaction((tx) => write(tx, false));
  if (second === CYCLES_DUE) throw new Error("A submission asked about due cycles after closing them.");
  return second;
}

async function checkOpenAssessment(tx: Transaction, viewer: Viewer, cycleId: string, managerId: string, self: boolean, dueCheck: boolean) {
  // A share lock on the cycle: submissions run side by side, but never across a close. The
  // places of the manager's commitments that the cycle asks about ride on the same statement,
  // and so, on a first try, does whether any cycle is due to close.
  const [cycle] = await tx
    .select({
      anyCycleDue: dueCheck ? anyCycleDue() : sql<boolean>`false`,
      state: cycles.state,
      fingerprint: cycles.sealKeyFingerprint,
      sealedFormat: cycles.sealedFormat,
      committedPositions: sql<number[]>`coalesce((SELECT array_agg(c.position ORDER BY c.position)::int[] FROM commitments c
        WHERE c.frozen_in_cycle_id = ${cycleId} AND c.manager_id = ${managerId}), '{}')`,
    })
    .from(cycles)
    .where(eq(cycles.id, cycleId))
    .for("share");
  if (cycle?.anyCycleDue) return CYCLES_DUE;
  const assessment = cycle ? await findAssessment(tx, viewer, cycleId, managerId) : null;
  if (!cycle || !assessment || assessment.isSelf !== self) return { ok: false as const, reason: "not-invited" as const, message: NOT_INVITED };
  if (assessment.state !== "open") {
    const message =
      assessment.state === "closed" ? `${assessment.cycleName} has closed: answers are no longer taken.` : `${assessment.cycleName} has not opened yet.`;
    return { ok: false as const, reason: "not-open" as const, message };
  }
  const sealedFormat = (cycle.sealedFormat ?? CURRENT_SEALED_FORMAT) as SealedFormat;
  return {
    ok: true as const,
    assessment,
    fingerprint: cycle.fingerprint,
    sealedFormat,
    // A cycle sealed in format 1 (opened before follow-through came in) asks nothing.
    followThroughPositions: sealedFormat === 1 ? [] : cycle.committedPositions,
  };
}

function alreadyDone(assessment: Assessment): SubmitResult {
  const message = assessment.isSelf
    ? `You have already assessed yourself in ${assessment.cycleName}.`
    : `You have already rated ${assessment.managerName} in ${assessment.cycleName}.`;
  return { ok: false, reason: "already-done", message };
}
