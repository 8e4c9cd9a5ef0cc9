import "server-only";
import { eq, sql } from "drizzle-orm";
import { ASPECT_KEYS, type AspectKey, type Need, type Rating } from "@/lib/aspects";
import { clock } from "@/lib/clock";
import { hashPassword } from "@/server/auth/password";
import { closeCycle } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { type FrozenCommitment, frozenCommitments } from "@/server/internal/commitments";
import type { SealedFormat } from "@/lib/survey/sealed-answers";
import { sealAnswers, sealKey } from "@/server/seal";
import type { Database } from "@/db/client";
import {
  commitments,
  cycleAssignments,
  cycles,
  participations,
  people,
  sealedResponses,
  selfAssessmentAnswers,
  selfAssessments,
  teamSituations,
} from "@/db/schema";
import { ACTIONS } from "@/lib/recommendations";
import { ADMIN, DEMO_COMMENTS, DEMO_COMMITMENTS, DEMO_PASSWORD, DEMO_TEAMS, DIRECTORS, LEADER_PROFILES, type Profile, VP, demoEmail } from "./demo-org";
import { demoCycleCalendar, type DemoCycle } from "./demo-calendar";
import { gaussian, seededRandom, shuffled } from "./random";

// Small fixed differences between aspects, so that no profile is a perfect circle.
const MANAGEMENT_TILT = [0.2, 0.1, -0.1, 0.15, -0.25, 0, -0.1];
const LEADERSHIP_TILT = [-0.1, 0.15, 0.2, -0.1, 0.1, -0.2, 0];
const CANT_SAY_RATE = 0.04;
const FIRST_REPS = new Set(DEMO_TEAMS.map((team) => team.reps[0]));

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

interface SeededPerson {
  id: string;
  name: string;
  reportsTo: string | null;
}

function demoPeople() {
  const rows: { name: string; manager: string | null; isAdmin: boolean }[] = [
    { name: VP, manager: null, isAdmin: false },
    { name: ADMIN, manager: VP, isAdmin: true },
    ...DIRECTORS.map((name) => ({ name, manager: VP, isAdmin: false })),
  ];
  for (const team of DEMO_TEAMS) {
    rows.push({ name: team.manager, manager: team.reportsTo, isAdmin: false });
    for (const rep of team.reps) rows.push({ name: rep, manager: team.manager, isAdmin: false });
  }
  return rows;
}

function profileOf(managerName: string): Profile | undefined {
  return DEMO_TEAMS.find((team) => team.manager === managerName)?.profile ?? LEADER_PROFILES[managerName];
}

function commentPool(profile: Profile, cycleIndex: number) {
  const gap = (profile.leadership[cycleIndex] ?? 3) - (profile.management[cycleIndex] ?? 3);
  if (gap <= -1) return DEMO_COMMENTS.managing;
  if (gap >= 1) return DEMO_COMMENTS.leading;
  return DEMO_COMMENTS.neutral;
}

function teamAnswers(profile: Profile, cycleIndex: number, random: () => number) {
  const item = (mean: number, cantSayRate: number) => (random() < cantSayRate ? null : clamp(Math.round(gaussian(random, mean, 0.7)), 1, 5));
  return ASPECT_KEYS.map((aspect, index) => {
    const needMean = profile.need[aspect] ?? 0;
    const unclear = profile.unclearLeadership?.includes(aspect) ?? false;
    return {
      aspect,
      management: item((profile.management[cycleIndex] ?? 3) + (MANAGEMENT_TILT[index] ?? 0), CANT_SAY_RATE),
      leadership: item((profile.leadership[cycleIndex] ?? 3) + (LEADERSHIP_TILT[index] ?? 0), unclear ? 0.75 : CANT_SAY_RATE),
      need: random() < CANT_SAY_RATE ? null : clamp(Math.round(gaussian(random, needMean, 0.6)), -2, 2),
    };
  });
}

/** One rep's follow-through answers, by place in the manager's list, around the mean their team sees. */
function followThroughAnswers(frozen: readonly FrozenCommitment[], seen: number | undefined, random: () => number): (Rating | null)[] {
  const places: (Rating | null)[] = Array.from({ length: Math.max(0, ...frozen.map((commitment) => commitment.position)) }, () => null);
  for (const { position } of frozen) {
    places[position - 1] = random() < CANT_SAY_RATE * 2 ? null : (clamp(Math.round(gaussian(random, seen ?? 3, 0.7)), 1, 5) as Rating);
  }
  return places;
}

function selfAnswers(profile: Profile, cycleIndex: number, random: () => number) {
  const item = (mean: number) => clamp(Math.round(mean + gaussian(random, 0, 0.3)), 1, 5);
  return ASPECT_KEYS.map((aspect: AspectKey, index) => ({
    aspect,
    management: item((profile.management[cycleIndex] ?? 3) + (MANAGEMENT_TILT[index] ?? 0) + profile.selfOffset.management),
    leadership: item((profile.leadership[cycleIndex] ?? 3) + (LEADERSHIP_TILT[index] ?? 0) + profile.selfOffset.leadership),
  }));
}

async function insertPeople(db: Database): Promise<SeededPerson[]> {
  const rows = demoPeople();
  const hashes = await Promise.all(rows.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(people)
      .values(rows.map((row, i) => ({ name: row.name, email: demoEmail(row.name), isAdmin: row.isAdmin, passwordHash: hashes[i] })))
      .returning({ id: people.id, name: people.name });
    const idByName = new Map(inserted.map((person) => [person.name, person.id]));
    for (const row of rows) {
      if (!row.manager) continue;
      await tx
        .update(people)
        .set({ reportsTo: idByName.get(row.manager) })
        .where(eq(people.id, idByName.get(row.name) as string));
    }
    return rows.map((row) => ({
      id: idByName.get(row.name) as string,
      name: row.name,
      reportsTo: row.manager ? (idByName.get(row.manager) as string) : null,
    }));
  });
}

/**
 * Runs one cycle the way the product does: a draft, a snapshot taken as it opens, then each
 * rep's participation and sealed answers in one transaction, as a submission writes them,
 * then the close, which opens the seals.
 */
interface FollowThroughSeed {
  /** The mean each manager's team sees their commitments practised, by manager name. */
  seenByManager: ReadonlyMap<string, number>;
  /** A stream of its own, so that the rest of the demo stays as it was before follow-through. */
  random: () => number;
}

async function runCycle(db: Database, cycle: DemoCycle, staff: SeededPerson[], random: () => number, seen: FollowThroughSeed) {
  const nameById = new Map(staff.map((person) => [person.id, person.name]));
  const managerIds = new Set(staff.flatMap((person) => (person.reportsTo ? [person.reportsTo] : [])));
  const cycleId = await db.transaction(async (tx) => {
    const [row] = await tx.insert(cycles).values({ name: cycle.name, opensOn: cycle.opensOn, closesOn: cycle.closesOn }).returning({ id: cycles.id });
    const cycleId = row?.id as string;
    const assignments = [
      ...staff.flatMap((person) => (person.reportsTo ? [{ cycleId, raterId: person.id, managerId: person.reportsTo }] : [])),
      ...[...managerIds].map((managerId) => ({ cycleId, raterId: managerId, managerId })),
    ];
    await tx.insert(cycleAssignments).values(assignments);
    await markOpen(tx, cycleId, { openedAt: cycle.openedAt });
    return cycleId;
  });

  const submitted = staff.filter((person) => {
    if (!person.reportsTo) return false;
    // The first rep of every team has not answered the open cycle yet, so a visitor
    // signing in as one of them can try the survey.
    if (cycle.state === "open" && FIRST_REPS.has(person.name)) return false;
    const teamSize = staff.filter((other) => other.reportsTo === person.reportsTo).length;
    // Small teams answer in full so that the demo's thresholds behave predictably.
    return teamSize <= 4 || random() < cycle.participationRate;
  });
  const submittedOn = () => cycle.submissionDays[Math.floor(random() * cycle.submissionDays.length)] as string;
  const days = new Map(submitted.map((person) => [person.id, submittedOn()]));
  const key = sealKey();
  const [opened] = await db.select({ sealedFormat: cycles.sealedFormat }).from(cycles).where(eq(cycles.id, cycleId));
  const frozen = await frozenCommitments(db, cycleId);
  for (const person of shuffled(submitted, random)) {
    const managerId = person.reportsTo as string;
    const profile = profileOf(nameById.get(managerId) as string);
    if (!profile) throw new Error(`The demo has no profile for ${nameById.get(managerId)}.`);
    const pool = commentPool(profile, cycle.profileIndex);
    const comment = random() < 0.7 ? (pool[Math.floor(random() * pool.length)] as string) : null;
    const answers = Object.fromEntries(teamAnswers(profile, cycle.profileIndex, random).map(({ aspect, ...items }) => [aspect, items])) as Record<
      AspectKey,
      { management: Rating | null; leadership: Rating | null; need: Need | null }
    >;
    const followThrough = followThroughAnswers(
      frozen.filter((commitment) => commitment.managerId === managerId),
      seen.seenByManager.get(nameById.get(managerId) as string),
      seen.random,
    );
    const sealed = sealAnswers(key, cycleId, managerId, { aspects: answers, followThrough, comment }, opened!.sealedFormat as SealedFormat);
    await db.transaction(async (tx) => {
      await tx.insert(participations).values({ cycleId, raterId: person.id, managerId, submittedOn: days.get(person.id)! });
      await tx.insert(sealedResponses).values({ cycleId, managerId, sealed });
    });
  }

  for (const managerId of managerIds) {
    const profile = profileOf(nameById.get(managerId) as string);
    if (!profile || (cycle.state === "open" && random() < 0.5)) continue;
    await db.transaction(async (tx) => {
      await tx.insert(selfAssessments).values({ cycleId, managerId, submittedOn: submittedOn() });
      await tx.insert(selfAssessmentAnswers).values(selfAnswers(profile, cycle.profileIndex, random).map((answer) => ({ cycleId, managerId, ...answer })));
    });
  }

  if (cycle.state === "closed") {
    await closeCycle(db, cycleId, { closedAt: cycle.closedAt, announce: false });
  }
  return cycleId;
}

/**
 * The commitments made after a closed cycle's report, a day after it closed; the next
 * cycle's opening freezes them, as it does in the product.
 */
async function insertCommitments(db: Database, cycleIndex: number, cycleId: string, closedAt: Date, staff: SeededPerson[]) {
  const idByName = new Map(staff.map((person) => [person.name, person.id]));
  const madeAt = new Date(closedAt.getTime() + 86_400_000);
  const rows = DEMO_COMMITMENTS.filter((entry) => entry.afterCycle === cycleIndex).flatMap((entry) =>
    entry.picks.map(({ aspect, direction }, index) => ({
      managerId: idByName.get(entry.manager) as string,
      cycleId,
      position: index + 1,
      aspect,
      direction,
      actionId: ACTIONS[aspect][direction][0].id,
      createdAt: madeAt,
      updatedAt: madeAt,
    })),
  );
  if (rows.length > 0) await db.insert(commitments).values(rows);
}

async function insertSituations(db: Database, staff: SeededPerson[], today: Date) {
  const idByName = new Map(staff.map((person) => [person.name, person.id]));
  const changedAt = new Date(today.getTime() - 30 * 86_400_000);
  const rows = DEMO_TEAMS.filter((team) => team.situations).map((team) => ({
    managerId: idByName.get(team.manager) as string,
    situations: team.situations ?? [],
    changedBy: idByName.get(team.reportsTo) as string,
    changedAt,
  }));
  await db.insert(teamSituations).values(rows);
}

/** Seeds the demo organisation of PRODUCT.md: three closed quarterly cycles and one open one. */
export async function seedDemo(db: Database, today = clock.now()) {
  const random = seededRandom(20_260_101);
  const followThroughRandom = seededRandom(20_260_102);
  const staff = await insertPeople(db);
  const calendar = demoCycleCalendar(today);
  for (const [index, cycle] of calendar.entries()) {
    const seenByManager = new Map(DEMO_COMMITMENTS.filter((entry) => entry.afterCycle === index - 1).map((entry) => [entry.manager, entry.seen]));
    const cycleId = await runCycle(db, cycle, staff, random, { seenByManager, random: followThroughRandom });
    if (cycle.state === "closed") await insertCommitments(db, index, cycleId, cycle.closedAt, staff);
  }
  await insertSituations(db, staff, today);
}

/** Seeds the demo organisation only into a database that has nobody in it yet. */
export async function seedDemoIfEmpty(db: Database, today = clock.now()) {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(people);
  if ((row?.count ?? 0) > 0) return false;
  await seedDemo(db, today);
  return true;
}
