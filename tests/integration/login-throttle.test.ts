import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginFailures, people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { checkCredentials } from "@/server/auth/credentials";
import { ATTEMPTS_KEPT_MS, hashedSubject, pruneLoginFailures, recordAttempt, RESET_MAX_PER_ADDRESS, THROTTLE_MAX_FAILURES } from "@/server/auth/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const PASSWORD = "correct horse battery staple";

describe("sign-in", () => {
  it("gives an unknown email and a wrong password the same answer", async () => {
    const person = await createPerson(database.db, { password: PASSWORD });
    const unknown = await checkCredentials(database.db, { email: "nobody@test.example", password: PASSWORD }, "10.0.0.1");
    const wrong = await checkCredentials(database.db, { email: person.email, password: "not it" }, "10.0.0.1");
    expect(unknown).toEqual({ outcome: "invalid" });
    expect(wrong).toEqual({ outcome: "invalid" });
    expect(await checkCredentials(database.db, { email: person.email, password: PASSWORD }, "10.0.0.1")).toEqual({
      outcome: "signed-in",
      personId: person.id,
    });
  });

  it("refuses a deactivated person with the same answer, even with the right password", async () => {
    const person = await createPerson(database.db, { password: PASSWORD, isActive: false });
    expect(await checkCredentials(database.db, { email: person.email, password: PASSWORD }, "10.0.0.2")).toEqual({ outcome: "invalid" });
  });
});

describe("login throttle", () => {
  it("refuses the 11th failure within 15 minutes, counted across two clients", async () => {
    const person = await createPerson(database.db, { password: PASSWORD });
    const second = await database.openSecondClient();
    const clients = [database.db, second.db];
    for (let attempt = 1; attempt <= THROTTLE_MAX_FAILURES; attempt++) {
      const client = clients[attempt % 2]!;
      // A different address each time, so only the per-account counter can trip.
      const result = await checkCredentials(client, { email: person.email, password: "guess" }, `10.1.0.${attempt}`);
      expect(result).toEqual({ outcome: "invalid" });
    }
    for (const client of clients) {
      expect(await checkCredentials(client, { email: person.email, password: "guess" }, "10.1.1.1")).toEqual({ outcome: "throttled" });
    }
    // Even the right password is refused while the account is throttled.
    expect(await checkCredentials(database.db, { email: person.email, password: PASSWORD }, "10.1.1.2")).toEqual({
      outcome: "throttled",
    });
  });

  it("throttles one address that tries many accounts", async () => {
    const ip = "10.2.0.9";
    for (let attempt = 1; attempt <= THROTTLE_MAX_FAILURES; attempt++) {
      expect(await checkCredentials(database.db, { email: `victim${attempt}@test.example`, password: "guess" }, ip)).toEqual({
        outcome: "invalid",
      });
    }
    const other = await database.openSecondClient();
    expect(await checkCredentials(other.db, { email: "victim99@test.example", password: "guess" }, ip)).toEqual({
      outcome: "throttled",
    });
    // Another address is not affected.
    const person = await createPerson(database.db, { password: PASSWORD });
    expect(await checkCredentials(database.db, { email: person.email, password: PASSWORD }, "10.2.0.10")).toMatchObject({
      outcome: "signed-in",
    });
  });

  it("holds under concurrent guessing: no more than the limit get through to a password check", async () => {
    const person = await createPerson(database.db, { password: PASSWORD });
    const second = await database.openSecondClient();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => checkCredentials(i % 2 ? second.db : database.db, { email: person.email, password: "guess" }, `10.3.0.${i}`)),
    );
    const checked = results.filter((result) => result.outcome === "invalid").length;
    expect(checked).toBeLessThanOrEqual(THROTTLE_MAX_FAILURES);
    expect(results.filter((result) => result.outcome === "throttled").length).toBeGreaterThanOrEqual(30 - THROTTLE_MAX_FAILURES);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const person = await createPerson(database.db, { password: PASSWORD });
    for (let attempt = 1; attempt < THROTTLE_MAX_FAILURES; attempt++) {
      await checkCredentials(database.db, { email: person.email, password: "guess" }, `10.4.0.${attempt}`);
    }
    expect(await checkCredentials(database.db, { email: person.email, password: PASSWORD }, "10.4.1.1")).toMatchObject({ outcome: "signed-in" });
    for (let attempt = 1; attempt <= THROTTLE_MAX_FAILURES; attempt++) {
      expect(await checkCredentials(database.db, { email: person.email, password: "guess" }, `10.4.2.${attempt}`)).toEqual({
        outcome: "invalid",
      });
    }
  });
});

describe("the “Forgot password?” throttle", () => {
  it("lets three requests a window through per address, counted apart from sign-in failures", async () => {
    const email = "reset.throttle@test.example";
    for (let request = 1; request <= RESET_MAX_PER_ADDRESS; request++) {
      expect((await recordAttempt(database.db, { email, ip: `10.9.0.${request}` }, "reset")).throttled).toBe(false);
    }
    expect((await recordAttempt(database.db, { email, ip: "10.9.0.99" }, "reset")).throttled).toBe(true);
    // Sign-in for that address is not throttled by the requests for links.
    expect((await recordAttempt(database.db, { email, ip: "10.9.0.100" })).throttled).toBe(false);
  });

  it("lets one client address ask for links for many addresses only so often", async () => {
    for (let request = 1; request <= THROTTLE_MAX_FAILURES; request++) {
      expect((await recordAttempt(database.db, { email: `spray.${request}@test.example`, ip: "10.9.1.1" }, "reset")).throttled).toBe(false);
    }
    expect((await recordAttempt(database.db, { email: "spray.last@test.example", ip: "10.9.1.1" }, "reset")).throttled).toBe(true);
  });
});

describe("a successful sign-in", () => {
  it("keeps when the person last signed in, and the time before, for the notice of a password set through a link", async () => {
    const person = await createPerson(database.db, { password: PASSWORD });
    const signIn = () => checkCredentials(database.db, { email: person.email, password: PASSWORD }, null);
    const times = async () =>
      (await database.db.select({ last: people.lastSignInAt, previous: people.previousSignInAt }).from(people).where(eq(people.id, person.id)))[0]!;
    await signIn();
    const first = await times();
    expect(first).toEqual({ last: expect.any(Date), previous: null });
    await signIn();
    expect((await times()).previous).toEqual(first.last);
  });
});

describe("what the throttles keep", () => {
  it("holds a keyed hash of each email and address, never the text", async () => {
    const email = "kept.hashed@test.example";
    await recordAttempt(database.db, { email, ip: "10.7.7.7" });
    const rows = await database.db.select({ subject: loginFailures.subject }).from(loginFailures);
    expect(rows.length).toBeGreaterThan(0);
    for (const { subject } of rows) expect(subject).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.map((row) => row.subject)).toEqual(expect.arrayContaining([hashedSubject(email), hashedSubject("10.7.7.7")]));
  });

  it("are pruned of everything older than the window and a day, whatever its subject", async () => {
    const now = clock.now().getTime();
    const [old, recent] = await database.db
      .insert(loginFailures)
      .values([
        { subjectKind: "ip", subject: hashedSubject("10.8.8.8"), failedAt: new Date(now - ATTEMPTS_KEPT_MS - 60_000) },
        { subjectKind: "ip", subject: hashedSubject("10.8.8.9"), failedAt: new Date(now - ATTEMPTS_KEPT_MS + 60_000) },
      ])
      .returning({ id: loginFailures.id });
    expect(await pruneLoginFailures(database.db)).toBeGreaterThanOrEqual(1);
    const left = (await database.db.select({ id: loginFailures.id }).from(loginFailures)).map((row) => row.id);
    expect(left).not.toContain(old!.id);
    expect(left).toContain(recent!.id);
  });
});
