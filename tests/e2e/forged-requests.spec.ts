import { expect, test } from "@playwright/test";
import { isNotNull } from "drizzle-orm";
import { people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { tableMismatches } from "./support/app-inventory";
import { startOpenIdProvider } from "./support/openid-provider";
import { startSmtpServer } from "../support/smtp";
import { ownDemo } from "./support/demo-server";
import { FORGERIES, type Forgery, prepareForgeries, SIGNED_OUT_PERSONAS } from "./support/forgeries";
import { type Persona, personaCookies, personaHeaders } from "./support/personas";
import { builtActions, callAction, outcome, visit } from "./support/server-actions";

// Every server action, over raw HTTP, with what a browser would never send: a tampered
// payload, another person's ids, a session that has signed out, a page on another site.
// All of it is refused and writes nothing; then the untampered requests, sent properly,
// all succeed, so each refusal was of a request that would otherwise have written.

/** The address the server is told it is reached at, as behind a proxy: the one other origin it accepts. */
const PUBLIC_URL = "https://fulcrum.example";
const FOREIGN_ORIGINS = ["https://evil.example", "https://fulcrum.example.evil.example", "null"];

test("forged server-action requests are refused and write nothing", async () => {
  test.setTimeout(180_000);
  const actions = builtActions();
  expect(tableMismatches("server action", [...actions.keys()], FORGERIES)).toEqual([]);

  const demo = await ownDemo(prepareForgeries);
  // Links go by email, to a real SMTP server: the one way an admin may send one to an account with a password.
  const smtp = await startSmtpServer();
  // And the company's OpenID Connect provider, for the one action that sends the browser there.
  const provider = await startOpenIdProvider();
  const mail = { FULCRUM_PUBLIC_URL: PUBLIC_URL, SMTP_URL: smtp.url, ...provider.env };
  try {
    const ids = demo.setup;
    // Issued now, at least a second before their holders sign out (session revocation counts whole seconds).
    const stale = await personaCookies(demo.authSecret, ids);
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    const app = await demo.serve(mail);
    provider.serve(app.url);
    const send = (key: string, persona: Persona, args: unknown[], cookies: Record<Persona, string>, origin?: string) =>
      callAction(app.url, { path: FORGERIES[key]!.page(ids), actionId: actions.get(key)!.id, args, headers: personaHeaders(persona, cookies), origin });
    const failures: string[] = [];
    const expectOutcome = async (label: string, sent: ReturnType<typeof send>, expected: RegExp) => {
      const got = outcome(await sent);
      if (!expected.test(got)) failures.push(`${label}: expected ${expected}, got ${got}`);
    };

    for (const [key, forgery] of Object.entries(FORGERIES) as [string, Forgery][]) {
      for (const [index, { args, refused }] of forgery.tampered.entries()) {
        await expectOutcome(`${key}, tampered payload ${index + 1}`, send(key, forgery.as, args(ids), stale), refused);
      }
      for (const { as, args = forgery.valid, refused } of forgery.intruders) {
        await expectOutcome(`${key}, sent by ${as}`, send(key, as, args(ids), stale), refused);
      }
      for (const origin of FOREIGN_ORIGINS) {
        const answer = await send(key, forgery.as, forgery.valid(ids), stale, origin);
        if (answer.result !== undefined || answer.status < 400) failures.push(`${key} from ${origin} was not refused: ${outcome(answer)}`);
      }
    }
    // The configured public address is the one other origin let through.
    const login = FORGERIES["app/login/actions.ts#signInAction"]!;
    await expectOutcome(
      `sign-in from ${PUBLIC_URL}`,
      send("app/login/actions.ts#signInAction", "anonymous", login.tampered[0]!.args(ids), stale, PUBLIC_URL),
      /^Check the highlighted fields\.$/,
    );

    while (Math.floor(clock.now().getTime() / 1000) <= issuedAt) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const persona of SIGNED_OUT_PERSONAS) {
      await expectOutcome(`${persona} signs out`, send("app/(app)/sign-out-action.ts#signOutAction", persona, [new FormData()], stale), /^redirect \/login$/);
      const home = await visit(app.url, "/", personaHeaders(persona, stale));
      if (home.redirect !== "/login") failures.push(`${persona}'s signed-out cookie still opens the home page (${outcome(home)})`);
    }
    for (const [key, forgery] of Object.entries(FORGERIES).filter(([, f]) => f.needsSession)) {
      await expectOutcome(`${key}, replayed after signing out`, send(key, forgery.as, forgery.valid(ids), stale), /^Your session has ended/);
    }

    expect.soft(failures).toEqual([]);
    // Signing out is the one write: it ends the sessions of exactly those who signed out.
    expect(await demo.changedTables()).toEqual({ people: { added: 0, columns: ["sessions_valid_from"] } });
    const revoked = await demo.inspect((db) => db.select({ id: people.id }).from(people).where(isNotNull(people.sessionsValidFrom)));
    expect(revoked.map((row) => row.id).sort()).toEqual(SIGNED_OUT_PERSONAS.map((persona) => ids.person[persona]).sort());

    // The same requests, untampered, from the rightful callers with live sessions: each one goes through.
    const fresh = await personaCookies(demo.authSecret, ids);
    const control = await demo.serve(mail);
    provider.serve(control.url);
    const succeeded: string[] = [];
    for (const [key, forgery] of Object.entries(FORGERIES)) {
      const answer = await callAction(control.url, {
        path: forgery.page(ids),
        actionId: actions.get(key)!.id,
        args: forgery.valid(ids),
        headers: personaHeaders(forgery.as, fresh),
      });
      succeeded.push(`${key}: ${forgery.succeeded.test(outcome(answer)) ? "succeeded" : outcome(answer)}`);
    }
    expect(succeeded).toEqual(Object.keys(FORGERIES).map((key) => `${key}: succeeded`));
  } finally {
    await demo.dispose();
    await smtp.close();
    await provider.stop();
  }
});
