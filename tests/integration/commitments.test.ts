import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitments } from "@/db/schema";
import { ACTIONS, type Direction } from "@/lib/recommendations";
import { COMMITMENT_TEXT_MAX_LENGTH, type CommitmentInput, TEXT_MISSING, TEXT_TOO_LONG, TOO_FEW, TOO_MANY } from "@/lib/commitments";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import { CommitmentRefusal, loadCommitments, removeCommitment, saveCommitments } from "@/server/dal/commitments";
import { closeCycleNow, createCycle, openCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import {
  CHECK_VIOLATION,
  createTestDatabase,
  FEATURE_NOT_SUPPORTED,
  sqlState,
  type TestDatabase,
  testDatabaseKind,
  UNIQUE_VIOLATION,
} from "../support/database";
import { runningCycleDates } from "../support/days";
import { createPerson } from "../support/org";

// Commitments end to end in the database: who may read and change them, the rules the data
// access layer and the database both enforce, and the freeze when the next cycle opens.

let database: TestDatabase;
const people = {} as Record<"vp" | "director" | "manager" | "rep" | "otherDirector" | "otherManager" | "admin", Viewer>;
let first: string;

const library = (aspect: keyof typeof ACTIONS, direction: Direction, index = 0): CommitmentInput => ({
  source: "library",
  actionId: ACTIONS[aspect][direction][index]!.id,
  aspect,
  direction,
});
const own = (text: string, aspect: CommitmentInput["aspect"] = "motivation", direction: Direction = "more_leading"): CommitmentInput => ({
  source: "own",
  text,
  aspect,
  direction,
});

async function viewer(id: string) {
  return (await loadViewer(database.db, id)) ?? expect.fail("cannot load viewer");
}

let cycleNumber = 0;
async function runCycle({ close = true } = {}) {
  const id = await createCycle(database.db, people.admin, { name: `Commitments cycle ${++cycleNumber}`, ...runningCycleDates() });
  await openCycle(database.db, people.admin, id);
  if (close) await closeCycleNow(database.db, people.admin, id);
  return id;
}

const rows = (managerId: string, cycleId: string) =>
  database.db
    .select()
    .from(commitments)
    .where(and(eq(commitments.managerId, managerId), eq(commitments.cycleId, cycleId)))
    .orderBy(commitments.position);

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => error,
  );
  return error;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const vp = await createPerson(db, { name: "Vera VP" });
  const director = await createPerson(db, { name: "Dina Director", reportsTo: vp.id });
  const manager = await createPerson(db, { name: "Milo Manager", reportsTo: director.id });
  const rep = await createPerson(db, { name: "Rita Rep", reportsTo: manager.id });
  for (let i = 0; i < 3; i++) await createPerson(db, { reportsTo: manager.id });
  const otherDirector = await createPerson(db, { name: "Otto Director", reportsTo: vp.id });
  const otherManager = await createPerson(db, { name: "Olga Manager", reportsTo: otherDirector.id });
  for (let i = 0; i < 3; i++) await createPerson(db, { reportsTo: otherManager.id });
  const admin = await createPerson(db, { name: "Ada Admin", isAdmin: true, reportsTo: vp.id });
  for (const [key, person] of Object.entries({ vp, director, manager, rep, otherDirector, otherManager, admin })) {
    people[key as keyof typeof people] = await viewer(person.id);
  }
  first = await runCycle();
});
afterAll(() => database.dispose());

describe("the manager's own commitments", () => {
  it("starts with none, open to change", async () => {
    const list = await loadCommitments(database.db, people.manager, people.manager.id, first);
    expect(list).toMatchObject({ own: true, open: true, closedBy: null, frozenIn: null, items: [], manager: { name: "Milo Manager" } });
  });

  it("saves one to three, in order, and replaces the list, keeping what stays as it was", async () => {
    const suggested = library("focus", "more_leading");
    expect(await saveCommitments(database.db, people.manager, first, [suggested, own("  Ask one rep a week what they want to learn.  ")])).toEqual({
      status: "saved",
      count: 2,
    });
    const saved = await loadCommitments(database.db, people.manager, people.manager.id, first);
    expect(saved.items.map((item) => [item.position, item.text])).toEqual([
      [1, ACTIONS.focus.more_leading[0]!.text],
      [2, "Ask one rep a week what they want to learn."],
    ]);
    const [kept] = await rows(people.manager.id, first);

    const three = [library("development", "build_both", 1), suggested, own("Ask one rep a week what they want to learn.")];
    expect(await saveCommitments(database.db, people.manager, first, three)).toEqual({ status: "saved", count: 3 });
    const after = await rows(people.manager.id, first);
    expect(after.map((row) => [row.position, row.actionId ?? row.customText, row.aspect, row.direction])).toEqual([
      [1, ACTIONS.development.build_both[1]!.id, "development", "build_both"],
      [2, ACTIONS.focus.more_leading[0]!.id, "focus", "more_leading"],
      [3, "Ask one rep a week what they want to learn.", "motivation", "more_leading"],
    ]);
    // The same commitment keeps its id and the day it was made.
    expect(after[1]).toMatchObject({ id: kept!.id, createdAt: kept!.createdAt });
    expect(after.every((row) => row.frozenInCycleId === null)).toBe(true);

    expect(await saveCommitments(database.db, people.manager, first, three)).toEqual({ status: "unchanged", count: 3 });
  });

  it("refuses a fourth, an empty list and a repeat, in the data access layer and in the database", async () => {
    const four = [library("focus", "more_leading"), library("focus", "more_leading", 1), library("focus", "more_leading", 2), own("One more.")];
    expect(await refusal(saveCommitments(database.db, people.manager, first, four))).toMatchObject({ name: "CommitmentRefusal", message: TOO_MANY });
    expect(await refusal(saveCommitments(database.db, people.manager, first, []))).toMatchObject({ message: TOO_FEW });
    const twice = [library("focus", "more_leading"), library("focus", "more_leading")];
    expect(await refusal(saveCommitments(database.db, people.manager, first, twice))).toMatchObject({ message: "You chose this action twice." });
    expect(await rows(people.manager.id, first)).toHaveLength(3);

    const base = { managerId: people.manager.id, cycleId: first, aspect: "focus" as const, direction: "more_leading" as const };
    // A fourth place does not exist, and a taken place cannot be taken twice.
    expect(sqlState(await refusal(database.db.insert(commitments).values({ ...base, position: 4, customText: "A fourth." })))).toBe(CHECK_VIOLATION);
    expect(sqlState(await refusal(database.db.insert(commitments).values({ ...base, position: 3, customText: "Another third." })))).toBe(UNIQUE_VIOLATION);
    expect(sqlState(await refusal(database.db.insert(commitments).values({ ...base, position: 0, customText: "A zeroth." })))).toBe(CHECK_VIOLATION);
  });

  it("refuses a library action filed under another aspect or direction, or one the library does not have", async () => {
    const wrongAspect: CommitmentInput = { ...library("focus", "more_leading"), aspect: "motivation" };
    const refused = await refusal(saveCommitments(database.db, people.manager, first, [wrongAspect]));
    expect(refused).toBeInstanceOf(CommitmentRefusal);
    expect((refused as Error).message).toMatch(/^That action is for Focus · More leading, not Motivation · More leading\./);
    const wrongDirection: CommitmentInput = { ...library("focus", "more_leading"), direction: "more_managing" };
    expect(await refusal(saveCommitments(database.db, people.manager, first, [wrongDirection]))).toBeInstanceOf(CommitmentRefusal);
    const unknown: CommitmentInput = { source: "library", actionId: "focus.leading.made-up", aspect: "focus", direction: "more_leading" };
    expect(await refusal(saveCommitments(database.db, people.manager, first, [unknown]))).toMatchObject({ message: "Choose an action from the list." });

    // The database reads the aspect and direction in the id too.
    const mismatched = { managerId: people.director.id, cycleId: first, position: 1, actionId: ACTIONS.focus.more_leading[0]!.id };
    for (const placement of [
      { aspect: "motivation", direction: "more_leading" },
      { aspect: "focus", direction: "build_both" },
    ] as const) {
      expect(sqlState(await refusal(database.db.insert(commitments).values({ ...mismatched, ...placement })))).toBe(CHECK_VIOLATION);
    }
    const both = { ...mismatched, aspect: "focus", direction: "more_leading", customText: "Both." } as const;
    expect(sqlState(await refusal(database.db.insert(commitments).values(both)))).toBe(CHECK_VIOLATION);
    expect(await rows(people.manager.id, first)).toHaveLength(3);
  });

  it("takes own words of 1 to the limit of characters, trimmed, on one line", async () => {
    for (const text of ["", "   ", "x".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1), "Two\nlines."]) {
      expect(await refusal(saveCommitments(database.db, people.director, first, [own(text)]))).toBeInstanceOf(CommitmentRefusal);
    }
    expect(await refusal(saveCommitments(database.db, people.director, first, [own(" ")]))).toMatchObject({ message: TEXT_MISSING });
    expect(await refusal(saveCommitments(database.db, people.director, first, [own("y".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1))]))).toMatchObject({
      message: TEXT_TOO_LONG,
    });
    const longest = "z".repeat(COMMITMENT_TEXT_MAX_LENGTH);
    expect(await saveCommitments(database.db, people.director, first, [own(longest), own("x")])).toMatchObject({ status: "saved" });
    expect((await rows(people.director.id, first)).map((row) => row.customText)).toEqual([longest, "x"]);

    const base = { managerId: people.director.id, cycleId: first, position: 3, aspect: "focus" as const, direction: "more_leading" as const };
    for (const customText of ["z".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1), " padded ", "", "tab\there"]) {
      expect(sqlState(await refusal(database.db.insert(commitments).values({ ...base, customText })))).toBe(CHECK_VIOLATION);
    }
  });

  it("takes one off the list, the others moving up", async () => {
    expect(await removeCommitment(database.db, people.director, first, 1)).toBe(1);
    expect((await rows(people.director.id, first)).map((row) => [row.position, row.customText])).toEqual([[1, "x"]]);
    expect(await refusal(removeCommitment(database.db, people.director, first, 2))).toMatchObject({ message: "That commitment is no longer on your list." });
    expect(await removeCommitment(database.db, people.director, first, 1)).toBe(0);
    expect(await rows(people.director.id, first)).toEqual([]);
  });
});

describe("who may read and change them", () => {
  it("lets the people above the manager in the cycle's snapshot read them, read-only", async () => {
    const own = await loadCommitments(database.db, people.manager, people.manager.id, first);
    for (const above of [people.director, people.vp]) {
      const theirs = await loadCommitments(database.db, above, people.manager.id, first);
      expect(theirs).toMatchObject({ own: false, open: true, manager: { name: "Milo Manager" } });
      expect(theirs.items).toEqual(own.items);
    }
  });

  it("refuses everyone else, an admin included, whatever exists", async () => {
    for (const outsider of [people.otherDirector, people.otherManager, people.admin, people.rep]) {
      await expect(loadCommitments(database.db, outsider, people.manager.id, first)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // A manager below the viewer does not open the viewer's own, and nobody opens a cycle's that does not exist.
    await expect(loadCommitments(database.db, people.manager, people.director.id, first)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadCommitments(database.db, people.director, people.manager.id, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(loadCommitments(database.db, people.director, "not-an-id", first)).rejects.toBeInstanceOf(ForbiddenError);
    // A rep and an admin have no report, so nothing of their own to commit to.
    await expect(loadCommitments(database.db, people.rep, people.rep.id, first)).rejects.toBeInstanceOf(ForbiddenError);
    for (const nobody of [people.rep, people.admin]) {
      await expect(saveCommitments(database.db, nobody, first, [own("Mine.")])).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeCommitment(database.db, nobody, first, 1)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("changes only the viewer's own: a director's save is the director's list, never the manager's", async () => {
    const before = await rows(people.manager.id, first);
    await saveCommitments(database.db, people.director, first, [own("Coach Milo on his pipeline reviews.")]);
    expect(await rows(people.manager.id, first)).toEqual(before);
    expect((await rows(people.director.id, first)).map((row) => row.customText)).toEqual(["Coach Milo on his pipeline reviews."]);
  });
});

describe("the freeze when the next cycle opens", () => {
  let next: string;

  it("refuses commitments for a cycle that is still open", async () => {
    next = await runCycle({ close: false });
    expect(await refusal(saveCommitments(database.db, people.manager, next, [own("Too early.")]))).toMatchObject({
      message: expect.stringMatching(/is still open: you commit to actions once its report is out\.$/),
    });
    expect(
      sqlState(
        await refusal(
          database.db
            .insert(commitments)
            .values({ managerId: people.manager.id, cycleId: next, position: 1, aspect: "focus", direction: "more_leading", customText: "Early." }),
        ),
      ),
    ).toBe(CHECK_VIOLATION);
  });

  it("freezes every commitment not yet frozen, with the cycle that opened", async () => {
    for (const manager of [people.manager, people.director]) {
      expect((await rows(manager.id, first)).map((row) => row.frozenInCycleId)).toEqual((await rows(manager.id, first)).map(() => next));
    }
    const list = await loadCommitments(database.db, people.manager, people.manager.id, first);
    expect(list).toMatchObject({ open: false, frozenIn: "Commitments cycle 2", closedBy: { reason: "next-cycle-opened", cycleName: "Commitments cycle 2" } });
    expect(list.items).toHaveLength(3);
    expect(await loadCommitments(database.db, people.director, people.manager.id, first)).toMatchObject({ open: false, frozenIn: "Commitments cycle 2" });
  });

  it("refuses any change after that, in the data access layer and in the database", async () => {
    const before = await rows(people.manager.id, first);
    const refused = await refusal(saveCommitments(database.db, people.manager, first, [own("Changed my mind.")]));
    expect(refused).toBeInstanceOf(CommitmentRefusal);
    expect((refused as Error).message).toMatch(/^Commitments cycle 2 opened on .+: your commitments after Commitments cycle 1 can no longer change\.$/);
    expect(await refusal(removeCommitment(database.db, people.manager, first, 1))).toBeInstanceOf(CommitmentRefusal);
    // Someone with none so far cannot start now either.
    expect(await refusal(saveCommitments(database.db, people.otherManager, first, [own("Late.")]))).toBeInstanceOf(CommitmentRefusal);

    for (const statement of [
      sql`UPDATE commitments SET custom_text = 'Rewritten.' WHERE manager_id = ${people.manager.id} AND custom_text IS NOT NULL`,
      sql`UPDATE commitments SET frozen_in_cycle_id = NULL WHERE manager_id = ${people.manager.id}`,
      sql`DELETE FROM commitments WHERE manager_id = ${people.manager.id}`,
      // Plain TRUNCATE is refused by the follow-through answers' foreign key; with them, by the guard.
      sql`TRUNCATE commitments CASCADE`,
    ]) {
      expect(sqlState(await refusal(database.db.execute(statement)))).toBe(CHECK_VIOLATION);
    }
    expect(sqlState(await refusal(database.db.execute(sql`TRUNCATE commitments`)))).toBe(FEATURE_NOT_SUPPORTED);
    const late = {
      managerId: people.otherManager.id,
      cycleId: first,
      position: 1,
      aspect: "focus" as const,
      direction: "more_leading" as const,
      customText: "Late.",
    };
    expect(sqlState(await refusal(database.db.insert(commitments).values(late)))).toBe(CHECK_VIOLATION);
    expect(await rows(people.manager.id, first)).toEqual(before);
  });

  it("opens the next report's commitments once that cycle closes, and keeps the older ones closed", async () => {
    await closeCycleNow(database.db, people.admin, next);
    expect(await saveCommitments(database.db, people.manager, next, [library("motivation", "more_managing")])).toMatchObject({ status: "saved" });
    expect(await loadCommitments(database.db, people.manager, people.manager.id, next)).toMatchObject({ open: true, frozenIn: null });
    expect(await loadCommitments(database.db, people.manager, people.manager.id, first)).toMatchObject({ open: false, frozenIn: "Commitments cycle 2" });
  });

  it.runIf(testDatabaseKind === "postgres")("waits for a cycle that is opening, then refuses the change", async () => {
    const draft = await createCycle(database.db, people.admin, { name: "Opening slowly", ...runningCycleDates() });
    const other = await database.openSecondClient();
    let opened!: () => void;
    const marked = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const opening = other.db.transaction(async (tx) => {
      await takeSnapshot(tx, draft);
      await markOpen(tx, draft);
      opened();
      await held;
    });
    await marked;
    const change = saveCommitments(database.db, people.manager, next, [own("Raced the opening.")]).then(
      () => "saved",
      (error: unknown) => (error as Error).message,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await opening;
    expect(await change).toMatch(/^Opening slowly opened on .+: your commitments after Commitments cycle 2 can no longer change\.$/);
    expect((await rows(people.manager.id, next)).map((row) => [row.actionId, row.frozenInCycleId])).toEqual([[ACTIONS.motivation.more_managing[0]!.id, draft]]);
  });
});
