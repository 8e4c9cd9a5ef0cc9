import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cycleAssignments, cycles, emailMessages, participations } from "@/db/schema";
import { clock } from "@/lib/clock";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { deliverDueEmails, queueInvitations, queueReminders, queueReportReady } from "@/server/internal/email/outbox";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../support/database";
import { runningCycleDates } from "../support/days";
import { createOpenCycleWithTeam, createPerson } from "../support/org";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { surveyEntries } from "../support/survey";

// The outbox against a real SMTP server: each message queued once whoever queues it,
// reminders only to those still to answer and at most one in 48 hours, a refused message
// tried again and never sent twice, and two senders never sending the same message.

const ORIGIN = "https://fulcrum.test";
const FROM = "Fulcrum <no-reply@fulcrum.test>";

let database: TestDatabase;
let smtp: TestSmtpServer;
let refusing = false;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer({ refuse: () => refusing });
});
afterAll(async () => {
  await smtp.close();
  await database.dispose();
});
beforeEach(async () => {
  refusing = false;
  smtp.received.length = 0;
  await database.db.delete(emailMessages);
});

const mailer = () => nodemailer.createTransport(smtp.url);
const statuses = async () => (await database.db.select({ status: emailMessages.status }).from(emailMessages)).map((row) => row.status).sort();

async function viewer(id: string): Promise<Viewer> {
  return (await loadViewer(database.db, id)) ?? expect.fail("cannot load viewer");
}

describe("invitations", () => {
  it("go once to every rater in the snapshot, each with a link to their own assessments, however often they are queued", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    expect(await queueInvitations(database.db, cycle.id, ORIGIN)).toBe(4);
    expect(await queueInvitations(database.db, cycle.id, ORIGIN)).toBe(0);
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(4);
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(0);
    for (const rep of reps) {
      const [email] = smtp.to(rep.email);
      expect(smtp.to(rep.email)).toHaveLength(1);
      expect(email!.text).toContain(`Rate Team Manager: ${ORIGIN}/assessments/${cycle.id}/${manager.id}`);
      expect(email!.text).toContain(`Subject: ${cycle.name} is open`);
    }
    expect(smtp.to(manager.email)[0]!.text).toContain(`Your self-assessment: ${ORIGIN}/assessments/${cycle.id}/${manager.id}`);
    expect(await statuses()).toEqual(["sent", "sent", "sent", "sent"]);
  });

  it("leave out anyone deactivated", async () => {
    const { cycle, reps } = await createOpenCycleWithTeam(database.db, 3);
    await database.db.execute(sql`UPDATE people SET is_active = false WHERE id = ${reps[0]!.id}`);
    expect(await queueInvitations(database.db, cycle.id, ORIGIN)).toBe(3);
  });
});

describe("reminders", () => {
  it("go only to raters still to answer, and to nobody twice in 48 hours, whatever the round", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 4);
    const answered = await viewer(reps[0]!.id);
    expect(await submitSurvey(database.db, answered, surveyEntries(cycle.id, manager.id))).toMatchObject({ status: "success" });
    expect(await queueReminders(database.db, cycle.id, ORIGIN, "7d")).toBe(3);
    expect(await queueReminders(database.db, cycle.id, ORIGIN, "manual-1")).toBe(0);
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(3);
    expect(smtp.to(reps[0]!.email)).toEqual([]);
    // Not the manager either: a self-assessment is theirs to do, not a rater's to be reminded of.
    expect(smtp.to(manager.email)).toEqual([]);
    for (const rep of reps.slice(1)) expect(smtp.to(rep.email)[0]!.text).toContain("your answer is still missing");
  });

  it("are dropped unsent for someone who answered between queueing and sending", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    expect(await queueReminders(database.db, cycle.id, ORIGIN, "2d")).toBe(3);
    expect(await submitSurvey(database.db, await viewer(reps[1]!.id), surveyEntries(cycle.id, manager.id))).toMatchObject({ status: "success" });
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(2);
    expect(smtp.to(reps[1]!.email)).toEqual([]);
    expect(await database.db.select().from(emailMessages).where(eq(emailMessages.personId, reps[1]!.id))).toEqual([]);
  });
});

describe("report ready", () => {
  it("goes to the managers whose team met k, and to nobody else", async () => {
    // Two teams in one cycle: one of three reps who all answer, one of a single rep.
    const met = await createPerson(database.db, { name: "Met Manager" });
    const small = await createPerson(database.db, { name: "Small Team Manager" });
    const reps = [];
    for (let i = 0; i < 3; i++) reps.push(await createPerson(database.db, { reportsTo: met.id }));
    const lone = await createPerson(database.db, { reportsTo: small.id });
    const [cycle] = await database.db
      .insert(cycles)
      .values({ name: "Report ready", ...runningCycleDates() })
      .returning();
    await database.db
      .insert(cycleAssignments)
      .values([
        ...reps.map((rep) => ({ cycleId: cycle!.id, raterId: rep.id, managerId: met.id })),
        { cycleId: cycle!.id, raterId: lone.id, managerId: small.id },
      ]);
    await database.db.transaction((tx) => markOpen(tx, cycle!.id));
    for (const [rep, managerId] of [...reps.map((rep) => [rep, met.id] as const), [lone, small.id] as const]) {
      expect(await submitSurvey(database.db, await viewer(rep.id), surveyEntries(cycle!.id, managerId))).toMatchObject({ status: "success" });
    }
    expect(await closeCycle(database.db, cycle!.id, { announce: false })).toBe(true);
    expect(await queueReportReady(database.db, cycle!.id, ORIGIN)).toBe(1);
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(1);
    expect(smtp.to(met.email)[0]!.text).toContain(`${ORIGIN}/report/${cycle!.id}`);
    expect(smtp.to(small.email)).toEqual([]);
  });
});

describe("a refused message", () => {
  it("is tried again after a wait, and given up after the last try, never sent twice", async () => {
    const { cycle } = await createOpenCycleWithTeam(database.db, 3);
    await queueInvitations(database.db, cycle.id, ORIGIN);
    refusing = true;
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(0);
    const waiting = await database.db.select().from(emailMessages);
    expect(waiting.map((row) => [row.status, row.attempts, row.lastError])).toEqual(waiting.map(() => ["pending", 1, "SMTP 451"]));
    expect(waiting.every((row) => row.nextAttemptAt > clock.now())).toBe(true);
    // Not due yet: nothing is tried.
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(0);
    expect((await database.db.select().from(emailMessages)).map((row) => row.attempts)).toEqual(waiting.map(() => 1));
    // Due again, and the server takes it: sent once.
    refusing = false;
    await database.db.update(emailMessages).set({ nextAttemptAt: clock.now() });
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(4);
    expect(smtp.received).toHaveLength(4);
    // A server that always refuses: failed after the last try.
    await database.db.delete(emailMessages);
    await queueInvitations(database.db, cycle.id, ORIGIN);
    refusing = true;
    for (let attempt = 0; attempt < 6; attempt++) {
      await database.db.update(emailMessages).set({ nextAttemptAt: clock.now() }).where(eq(emailMessages.status, "pending"));
      await deliverDueEmails(database.db, mailer(), FROM);
    }
    expect(await statuses()).toEqual(["failed", "failed", "failed", "failed"]);
    expect((await database.db.select().from(emailMessages)).map((row) => row.attempts)).toEqual([5, 5, 5, 5]);
  });

  it("held by an instance that stopped mid-send is never sent again", async () => {
    const { cycle } = await createOpenCycleWithTeam(database.db, 3);
    await queueInvitations(database.db, cycle.id, ORIGIN);
    const past = new Date(clock.now().getTime() - 60_000);
    await database.db.update(emailMessages).set({ status: "sending", leaseUntil: past, attempts: 1 });
    expect(await deliverDueEmails(database.db, mailer(), FROM)).toBe(0);
    expect(await statuses()).toEqual(["unknown", "unknown", "unknown", "unknown"]);
    expect(smtp.received).toEqual([]);
  });
});

describe.runIf(testDatabaseKind === "postgres")("two instances", () => {
  it("sending at once never send the same message twice", async () => {
    const { reps, cycle } = await createOpenCycleWithTeam(database.db, 30);
    await queueInvitations(database.db, cycle.id, ORIGIN);
    const other = await database.openSecondClient();
    try {
      const sent = await Promise.all([deliverDueEmails(database.db, mailer(), FROM), deliverDueEmails(other.db, mailer(), FROM)]);
      expect(sent[0] + sent[1]).toBe(31);
      for (const rep of reps) expect(smtp.to(rep.email)).toHaveLength(1);
      expect(smtp.received).toHaveLength(31);
      expect(await database.db.select().from(participations).where(eq(participations.cycleId, cycle.id))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
