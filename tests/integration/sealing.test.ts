import { randomBytes, randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycles, sealedResponses } from "@/db/schema";
import { ASPECT_KEYS } from "@/lib/aspects";
import { CURRENT_SEALED_FORMAT, type RaterAnswers } from "@/lib/survey/sealed-answers";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle, SealKeyMismatch } from "@/server/internal/cycles/close";
import { checkSealKey } from "@/server/internal/cycles/open";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { openAnswers, sealAnswers, sealedBytes, SealKey, sealKey, SealNotOpened } from "@/server/seal";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOpenCycleWithTeam } from "../support/org";
import { surveyEntries } from "../support/survey";

const answers: RaterAnswers = {
  aspects: Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, { management: 4, leadership: null, need: -1 }])) as RaterAnswers["aspects"],
  followThrough: [4, null, 2],
  comment: "Clear targets, every week.",
};
const format = CURRENT_SEALED_FORMAT;

describe("a seal", () => {
  const key = new SealKey(randomBytes(32));
  const cycleId = randomUUID();
  const managerId = randomUUID();

  it("opens with its key, cycle and manager, and is the same length whatever it holds", () => {
    const sealed = sealAnswers(key, cycleId, managerId, answers, format);
    expect(openAnswers(key, cycleId, managerId, sealed, format)).toEqual(answers);
    expect(sealed).toHaveLength(sealedBytes(format));
    expect(sealAnswers(key, cycleId, managerId, { ...answers, followThrough: [], comment: null }, format)).toHaveLength(sealedBytes(format));
    // A fresh nonce each time: the same answers never seal to the same bytes.
    expect(sealAnswers(key, cycleId, managerId, answers, format).equals(sealed)).toBe(false);
    expect(sealed.includes(Buffer.from(answers.comment!))).toBe(false);
  });

  it("does not open with another key, for another cycle or manager, or once tampered with", () => {
    const sealed = sealAnswers(key, cycleId, managerId, answers, format);
    expect(() => openAnswers(new SealKey(randomBytes(32)), cycleId, managerId, sealed, format)).toThrow(SealNotOpened);
    expect(() => openAnswers(key, randomUUID(), managerId, sealed, format)).toThrow(SealNotOpened);
    expect(() => openAnswers(key, cycleId, randomUUID(), sealed, format)).toThrow(SealNotOpened);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openAnswers(key, cycleId, managerId, tampered, format)).toThrow(SealNotOpened);
  });

  it("of one format does not open as another: a cycle's rows all have its format's length", () => {
    const legacy = sealAnswers(key, cycleId, managerId, { ...answers, followThrough: [] }, 1);
    expect(legacy).toHaveLength(sealedBytes(1));
    expect(sealedBytes(1)).not.toBe(sealedBytes(2));
    expect(openAnswers(key, cycleId, managerId, legacy, 1)).toEqual({ ...answers, followThrough: [] });
    expect(() => openAnswers(key, cycleId, managerId, legacy, 2)).toThrow(SealNotOpened);
    expect(() => openAnswers(key, cycleId, managerId, sealAnswers(key, cycleId, managerId, answers, format), 1)).toThrow(SealNotOpened);
    // Format 1 has no room for follow-through: sealing some there is a bug, not a silent loss.
    expect(() => sealAnswers(key, cycleId, managerId, answers, 1)).toThrow(RangeError);
  });

  it("comes from a key that never shows itself in a log or a response", () => {
    expect(JSON.stringify({ key })).toBe('{"key":"[seal key]"}');
    expect(inspect(key)).toBe("[seal key]");
    expect(key.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new SealKey(randomBytes(32)).fingerprint).not.toBe(key.fingerprint);
  });
});

describe("an instance given another key", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it("is refused at start, with a message that names the cycle, and closes nothing with it", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    for (const rep of reps) {
      const viewer = (await loadViewer(database.db, rep.id)) as Viewer;
      expect(await submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id))).toMatchObject({ status: "success" });
    }
    await expect(checkSealKey(database.db, sealKey())).resolves.toBeUndefined();
    const other = new SealKey(randomBytes(32));
    await expect(checkSealKey(database.db, other)).rejects.toThrow(SealKeyMismatch);
    await expect(checkSealKey(database.db, other)).rejects.toThrow(`FULCRUM_SEAL_KEY is not the key that sealed the answers of ${cycle.name}`);
    await expect(closeCycle(database.db, cycle.id, { key: other })).rejects.toThrow(SealKeyMismatch);
    // Nothing was lost: the cycle is still open, its sealed answers still there, and the right key closes it.
    const [state] = await database.db.select({ state: cycles.state }).from(cycles).where(eq(cycles.id, cycle.id));
    expect(state).toEqual({ state: "open" });
    expect(await database.db.select().from(sealedResponses).where(eq(sealedResponses.cycleId, cycle.id))).toHaveLength(3);
    expect(await closeCycle(database.db, cycle.id)).toBe(true);
    expect(await selectUncheckedRows(database.db, sql`SELECT 1 FROM responses WHERE cycle_id = ${cycle.id}`)).toHaveLength(3);
  });
});
