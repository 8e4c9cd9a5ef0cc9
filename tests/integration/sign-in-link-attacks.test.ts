import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";
import { checkCredentials } from "@/server/auth/credentials";
import { hashPassword } from "@/server/auth/password";
import { PASSWORD_MESSAGES, passwordProblem } from "@/server/auth/password-policy";
import { THROTTLE_MAX_FAILURES } from "@/server/auth/throttle";
import { DEAD_LINK_MESSAGE, DEAD_LINKS_THROTTLED_MESSAGE, inspectInvitation, issueSignInLink, redeemInvitation } from "@/server/dal/invitations";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

// Issue 16, findings L4 (the password a link lets someone choose) and L6 (the set-password
// form made the server run argon2 for any token, before looking it up). Each attack is
// played against the data access layer that the form's action hands everything to.

let database: TestDatabase;
let admin: Viewer;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await loadViewer(database.db, (await createPerson(database.db, { name: "Ada Admin", isAdmin: true })).id))!;
});
afterAll(() => database.dispose());

const GOOD_PASSWORD = "violet harbour lantern 42";
const garbageToken = () => randomBytes(32).toString("base64url");

/** A link shown to the admin, for an account that has never had a password. */
async function linkFor(personId: string) {
  const delivered = await issueSignInLink(database.db, admin, personId, { origin: "http://fulcrum.test", mailer: null });
  if (delivered.delivery !== "shown") throw new Error("expected the link to be shown");
  return delivered.link.split("/invite/")[1]!;
}

const typedTwice = (password: string) => ({ password, confirmation: password });

describe("L4: the password a link lets someone choose", () => {
  const rita = { name: "Rita Rep", email: "rita.rep@northwind.example" };

  it.each([
    ["nothing", "", PASSWORD_MESSAGES.missing],
    ["twelve spaces", " ".repeat(12), PASSWORD_MESSAGES.blank],
    ["tabs and line breaks", "\t\t\t\n\n\n      ", PASSWORD_MESSAGES.blank],
    ["one letter and eleven spaces", `a${" ".repeat(11)}`, PASSWORD_MESSAGES.tooShort],
    ["eleven letters spread out with spaces", "ab cd ef gh ij k", PASSWORD_MESSAGES.tooShort],
    ["257 characters", "x".repeat(257), PASSWORD_MESSAGES.tooLong],
    ["the demo password", DEMO_PASSWORD, PASSWORD_MESSAGES.demo],
    ["the demo password in capitals", DEMO_PASSWORD.toUpperCase(), PASSWORD_MESSAGES.demo],
    ["the demo password and a year", `${DEMO_PASSWORD}2024!`, PASSWORD_MESSAGES.demo],
    ["their email address", rita.email, PASSWORD_MESSAGES.personal],
    ["their email address in capitals", rita.email.toUpperCase(), PASSWORD_MESSAGES.personal],
    ["their email's local part, twice", "rita.rep.rita.rep", PASSWORD_MESSAGES.personal],
    ["their name with the spaces taken out, and digits", "RitaRep12345", PASSWORD_MESSAGES.personal],
    ["their name, spaces and all, twice", "Rita Rep Rita Rep", PASSWORD_MESSAGES.personal],
    ["their name and a few extra characters", "Rita.Rep.2024!", PASSWORD_MESSAGES.personal],
    ["their company's name and a year", "Northwind2024!", PASSWORD_MESSAGES.personal],
    ["a common password", "1qaz2wsx3edc", PASSWORD_MESSAGES.common],
    ["a common password with a space in it", "qwerty 123456", PASSWORD_MESSAGES.common],
  ])("refuses %s, with the one message of that rule", (_what, password, message) => {
    expect(passwordProblem(password, rita)).toBe(message);
  });

  it.each([
    ["a passphrase", GOOD_PASSWORD],
    ["a passphrase that mentions their name", "Rita's violet harbour lantern"],
    ["a passphrase that contains the demo password", `${DEMO_PASSWORD} violet harbour lantern`],
    ["twelve letters and spaces around them", " vb nm qx zt pw kj "],
  ])("accepts %s", (_what, password) => {
    expect(passwordProblem(password, rita)).toBeNull();
  });

  it("never repeats the password in a message", () => {
    for (const message of Object.values(PASSWORD_MESSAGES)) {
      for (const password of [rita.email, "rita.rep", "RitaRep", DEMO_PASSWORD, "1qaz2wsx3edc"]) {
        expect(message.toLowerCase()).not.toContain(password.toLowerCase());
      }
    }
  });

  it("is applied through the link, to the person the link is for: twelve spaces, their own email and the demo password are refused", async () => {
    const person = await createPerson(database.db, { name: "Email Reuser" });
    const token = await linkFor(person.id);
    const attempts = [
      [" ".repeat(12), PASSWORD_MESSAGES.blank],
      [person.email, PASSWORD_MESSAGES.personal],
      [person.email.toUpperCase(), PASSWORD_MESSAGES.personal],
      [person.email.split("@")[0]!, PASSWORD_MESSAGES.personal],
      ["EmailReuser2024", PASSWORD_MESSAGES.personal],
      [DEMO_PASSWORD, PASSWORD_MESSAGES.demo],
    ] as const;
    for (const [password, message] of attempts) {
      expect(await redeemInvitation(database.db, token, typedTwice(password), "192.0.2.1")).toEqual({
        outcome: "invalid",
        message: "Check the highlighted fields.",
        fieldErrors: { password: [message] },
      });
    }
    // Refused attempts leave the link working and the account without a password.
    expect(await inspectInvitation(database.db, token)).not.toBeNull();
    const [stored] = await database.db.select({ hash: people.passwordHash }).from(people).where(eq(people.id, person.id));
    expect(stored?.hash).toBeNull();

    expect(await redeemInvitation(database.db, token, { password: GOOD_PASSWORD, confirmation: "something else" }, "192.0.2.1")).toMatchObject({
      outcome: "invalid",
      fieldErrors: { confirmation: [PASSWORD_MESSAGES.confirmationDiffers] },
    });
    expect(await redeemInvitation(database.db, token, { password: null, confirmation: null }, "192.0.2.1")).toMatchObject({
      outcome: "invalid",
      fieldErrors: { password: [PASSWORD_MESSAGES.missing], confirmation: [PASSWORD_MESSAGES.confirmationMissing] },
    });
    expect(await redeemInvitation(database.db, token, typedTwice(GOOD_PASSWORD), "192.0.2.1")).toEqual({ outcome: "set", email: person.email });
    expect(await checkCredentials(database.db, { email: person.email, password: GOOD_PASSWORD }, null)).toMatchObject({ outcome: "signed-in" });
  });
});

/**
 * Fills libuv's thread pool, where argon2 (@node-rs/argon2) hashes, with work that costs
 * nothing and ends when told: opening named pipes for reading, which waits for a writer.
 * While it is full, a hash cannot start. Nothing else a request for a link does needs the
 * pool: PGlite runs on the JavaScript thread, the PostgreSQL client talks to an address
 * over a socket it already has open, and SHA-256 is synchronous. So a batch of requests
 * that finishes while the pool is full has hashed nothing: an observable that no slow
 * machine or slow database makes flaky, unlike comparing durations with a hash's.
 */
async function withThreadPoolFull(work: () => Promise<unknown>, waitMs = 20_000) {
  const size = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const directory = mkdtempSync(path.join(tmpdir(), "fulcrum-pool-"));
  const pipes = Array.from({ length: size }, (_, i) => path.join(directory, `pipe-${i}`));
  execFileSync("mkfifo", pipes);
  const readers = pipes.map((pipe) => open(pipe, "r"));
  // A hash asked for now must still be waiting once the work is done: else the pool was not full.
  let hashed = false;
  const control = hashPassword("the control hash").then(() => (hashed = true));
  try {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"still waiting">((resolve) => (timer = setTimeout(() => resolve("still waiting"), waitMs)));
    const outcome = await Promise.race([work().then(() => "finished" as const), waited]);
    clearTimeout(timer);
    return { outcome, hashedMeanwhile: hashed };
  } finally {
    // A writer opening each pipe lets its reader, and so its thread, go.
    for (const pipe of pipes) {
      for (;;) {
        try {
          closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
          break;
        } catch (error) {
          // ENXIO: that reader has not reached its thread yet.
          if ((error as NodeJS.ErrnoException).code !== "ENXIO") throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    }
    await Promise.all(readers.map(async (reader) => (await reader).close()));
    await control;
    rmSync(directory, { recursive: true, force: true });
  }
}

describe("L6: a link that does not work costs no argon2, and trying many is throttled", () => {
  it("hashes nothing for 20 garbage tokens, nor for 20 refused passwords on a working link", async () => {
    const person = await createPerson(database.db, { name: "Patient Invitee" });
    const token = await linkFor(person.id);
    const twenty = (send: () => Promise<unknown>) => async () => {
      for (let i = 0; i < 20; i++) await send();
    };
    // Once beforehand, so that the database connection is open before the pool fills.
    await redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), "198.51.100.1");

    const garbage = await withThreadPoolFull(twenty(() => redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), "203.0.113.7")));
    expect(garbage, "20 garbage tokens, while argon2 cannot run").toEqual({ outcome: "finished", hashedMeanwhile: false });
    const refused = await withThreadPoolFull(twenty(() => redeemInvitation(database.db, token, typedTwice(person.email), "203.0.113.8")));
    expect(refused, "20 refused passwords, while argon2 cannot run").toEqual({ outcome: "finished", hashedMeanwhile: false });

    // The counter-check: setting a password does need argon2, and waits for the pool.
    let setting: Promise<unknown> | undefined;
    const accepted = await withThreadPoolFull(() => (setting = redeemInvitation(database.db, token, typedTwice(GOOD_PASSWORD), "203.0.113.8")), 1_000);
    expect(accepted).toEqual({ outcome: "still waiting", hashedMeanwhile: false });
    expect(await setting).toEqual({ outcome: "set", email: person.email });
  });

  it("answers one unknown token as a link that does not work, and throttles an address that keeps trying", async () => {
    const address = "203.0.113.50";
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
      expect(await redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), address)).toEqual({
        outcome: "dead",
        message: DEAD_LINK_MESSAGE,
        fieldErrors: {},
      });
    }
    // The message that the end-to-end authorization table expects for an unknown token.
    expect(DEAD_LINK_MESSAGE).toMatch(/^This link has expired, has been replaced by a newer one, or has already been used\./);

    const throttled = { outcome: "throttled", message: DEAD_LINKS_THROTTLED_MESSAGE, fieldErrors: {} };
    expect(await redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), address)).toEqual(throttled);
    expect(DEAD_LINKS_THROTTLED_MESSAGE).toMatch(
      /^Too many links that do not work were tried from your network\. Ask for a new link on the sign-in page, or wait 15 minutes\.$/,
    );
    // A used link is one that does not work too.
    const used = await createPerson(database.db, { name: "Early Bird" });
    const usedToken = await linkFor(used.id);
    expect(await redeemInvitation(database.db, usedToken, typedTwice(GOOD_PASSWORD), "192.0.2.99")).toMatchObject({ outcome: "set" });
    expect(await redeemInvitation(database.db, usedToken, typedTwice(GOOD_PASSWORD), address)).toEqual(throttled);

    // Another address is not affected.
    expect(await redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), "203.0.113.51")).toMatchObject({ outcome: "dead" });
    // Nor is a working link, even from the throttled address: it is the credential of the
    // person it was sent to, who may share an address with whoever is trying others.
    const person = await createPerson(database.db, { name: "Shared Network" });
    expect(await redeemInvitation(database.db, await linkFor(person.id), typedTwice(GOOD_PASSWORD), address)).toEqual({ outcome: "set", email: person.email });
  });

  it("does not count passwords refused on a working link against the address", async () => {
    const address = "203.0.113.60";
    const person = await createPerson(database.db, { name: "Picky Chooser" });
    const token = await linkFor(person.id);
    for (let i = 0; i <= THROTTLE_MAX_FAILURES; i++) {
      expect(await redeemInvitation(database.db, token, typedTwice(" ".repeat(12)), address)).toMatchObject({ outcome: "invalid" });
    }
    expect(await redeemInvitation(database.db, garbageToken(), typedTwice(GOOD_PASSWORD), address)).toMatchObject({ outcome: "dead" });
  });
});
