import { expect, test } from "@playwright/test";
import { loginFailures } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { hashedSubject, THROTTLE_MAX_FAILURES } from "@/server/auth/throttle";
import { ownDemo } from "./support/demo-server";
import { builtActions, callAction, form, IDLE, outcome } from "./support/server-actions";

// The per-address sign-in throttle, attacked over real HTTP the way the security test did:
// a client that writes its own X-Forwarded-For to rotate its address (password spraying),
// or to name someone else's address and lock them out.

const SIGN_IN = "app/login/actions.ts#signInAction";
const INVALID = /^That email and password do not match an active account\.$/;
const THROTTLED = /^Too many failed sign-in attempts/;
/** Reps of the demo, one account per guess: the per-account throttle never comes into play. */
const accounts = DEMO_TEAMS.flatMap((team) => team.reps).map(demoEmail);

/** The sign-in form's action, posted to this server with an X-Forwarded-For of the caller's choosing; returns what it answered. */
function signInThrough(baseUrl: string) {
  const actionId = builtActions().get(SIGN_IN)!.id;
  return async (email: string, password: string, forwardedFor: string) =>
    outcome(
      await callAction(baseUrl, {
        path: "/login",
        actionId,
        args: [IDLE, form({ email, password, callbackUrl: "/" })],
        headers: { "X-Forwarded-For": forwardedFor },
      }),
    );
}

test("with no proxy, X-Forwarded-For is ignored: rotating it does not reset the limit, and it names nobody", async () => {
  test.setTimeout(120_000);
  const demo = await ownDemo(async () => ({}));
  try {
    const app = await demo.serve({ TRUSTED_PROXY_HOPS: "0" });
    const signIn = signInThrough(app.url);
    // Each guess claims another address, and the last ones claim a victim's.
    for (let guess = 0; guess < THROTTLE_MAX_FAILURES; guess++) {
      expect(await signIn(accounts[guess]!, "wrong password", guess < 5 ? `203.0.113.${guess}` : "192.0.2.50")).toMatch(INVALID);
    }
    expect(await signIn(accounts[THROTTLE_MAX_FAILURES]!, "wrong password", "198.51.100.1")).toMatch(THROTTLED);
    // Refused by address, so even the right password from this socket waits.
    expect(await signIn(accounts[THROTTLE_MAX_FAILURES + 1]!, DEMO_PASSWORD, "198.51.100.2")).toMatch(THROTTLED);

    await demo.stop();
    const subjects = await demo.inspect((db) => db.selectDistinct({ kind: loginFailures.subjectKind, subject: loginFailures.subject }).from(loginFailures));
    const addresses = subjects.filter((row) => row.kind === "ip").map((row) => row.subject);
    // Only the socket's own address was counted, none that the client wrote; and the table
    // keeps a keyed hash of it, not the address.
    const socket = ["127.0.0.1", "::ffff:127.0.0.1", "::1"].map((address) => hashedSubject(address, demo.authSecret));
    const written = ["203.0.113.0", "192.0.2.50", "198.51.100.1", "198.51.100.2"].map((address) => hashedSubject(address, demo.authSecret));
    expect(addresses).toHaveLength(1);
    expect(socket).toContain(addresses[0]);
    expect(written).not.toContain(addresses[0]);
    expect(subjects.every((row) => !row.subject.includes("@") && !row.subject.includes("."))).toBe(true);
  } finally {
    await demo.dispose();
  }
});

test("behind one proxy, the address it appended counts: spraying through it is limited, and naming a victim locks nobody out", async () => {
  test.setTimeout(120_000);
  const demo = await ownDemo(async () => ({}));
  try {
    const app = await demo.serve({ TRUSTED_PROXY_HOPS: "1" });
    const signIn = signInThrough(app.url);
    const victim = "192.0.2.50";
    const attacker = "203.0.113.66";
    // The attacker writes the victim's address, and a new one each time; the proxy appends the attacker's real one.
    for (let guess = 0; guess < THROTTLE_MAX_FAILURES; guess++) {
      expect(await signIn(accounts[guess]!, "wrong password", `${guess % 2 ? victim : `198.51.100.${guess}`}, ${attacker}`)).toMatch(INVALID);
    }
    expect(await signIn(accounts[THROTTLE_MAX_FAILURES]!, "wrong password", `${victim}, ${attacker}`)).toMatch(THROTTLED);
    // The victim, whose address the attacker named, signs in with their password.
    expect(await signIn(accounts[THROTTLE_MAX_FAILURES + 1]!, DEMO_PASSWORD, victim)).toBe("redirect /");
  } finally {
    await demo.dispose();
  }
});
