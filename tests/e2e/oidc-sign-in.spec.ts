import { type Browser, expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { people } from "@/db/schema";
import { SESSION_COOKIE_NAMES, SESSION_MAX_AGE_SECONDS, SIGNED_IN_AT_CLAIM } from "@/server/auth/config";
import { setPersonActive } from "@/server/dal/people";
import { loadViewer } from "@/server/internal/viewer";
import { ADMIN, DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { submitWith } from "./fixtures";
import { LAPTOP } from "./support/closed-demo";
import { ownDemo } from "./support/demo-server";
import { type ProviderAccount, startOpenIdProvider, type TestOpenIdProvider } from "./support/openid-provider";
import { builtActions, callAction, form, IDLE, outcome } from "./support/server-actions";

// Sign-in through the company's OpenID Connect provider: a real one (oidc-provider) on a
// loopback port, and the app's own production server configured to use it, on a copy of
// the demo. The provider vouches for whoever the test names; the app decides who that lets in.

const NAME = "Acme SSO";
const team = DEMO_TEAMS[0]!;
const KNOWN = team.reps[0]!;
const DEACTIVATED = team.reps[1]!;
const SESSION_COOKIE = SESSION_COOKIE_NAMES[1];
/** A sign-in goes from the app to the provider and back, through several redirects and two servers. */
const ROUND_TRIP = { timeout: 30_000 };

const verified = (email: string): ProviderAccount => ({ email, emailVerified: true });
const NOT_ADMITTED = `Your ${NAME} sign-in worked, but its email address is not that of an active person in Fulcrum. Ask your Fulcrum administrator.`;
const UNVERIFIED = `${NAME} has not verified the email address of your account, so Fulcrum cannot tell who you are.`;
const NOT_COMPLETED = `Signing in with ${NAME} did not complete.`;
const LINKS_OFF = `Password sign-in is off: people sign in with ${NAME}, so no link that sets a password can be made.`;

/**
 * The app's server as the browser opens it: at localhost, the name Next.js gives every
 * loopback address in a request's URL, from which Auth.js builds the redirect URI.
 */
const atLocalhost = <Server extends { url: string }>(server: Server): Server => ({ ...server, url: server.url.replace("//127.0.0.1:", "//localhost:") });

async function ownDemoWithDeactivated() {
  return ownDemo(async (db) => {
    const [admin] = await db.select({ id: people.id }).from(people).where(eq(people.name, ADMIN));
    const [deactivated] = await db.select({ id: people.id }).from(people).where(eq(people.name, DEACTIVATED));
    const [known] = await db.select({ id: people.id }).from(people).where(eq(people.name, KNOWN));
    await setPersonActive(db, (await loadViewer(db, admin!.id))!, deactivated!.id, false);
    return { knownId: known!.id, adminId: admin!.id };
  });
}

/** A new browser, at the sign-in page, that presses "Sign in with Acme SSO" as `account` at the provider. */
async function signInThroughProvider(browser: Browser, appUrl: string, provider: TestOpenIdProvider, account: ProviderAccount) {
  const page = await (await browser.newContext({ baseURL: appUrl, viewport: LAPTOP })).newPage();
  await page.goto("/login");
  provider.signInAs(account);
  await submitWith(page.getByRole("button", { name: `Sign in with ${NAME}` }));
  return page;
}

test("a person whose verified company email is in Fulcrum signs in through the provider; anyone else is refused", async ({ browser }) => {
  test.setTimeout(300_000);
  const provider = await startOpenIdProvider();
  const demo = await ownDemoWithDeactivated();
  try {
    const app = atLocalhost(await demo.serve({ ...provider.env, FULCRUM_OIDC_NAME: NAME }));
    provider.serve(app.url);

    await test.step("a known person lands on their home, with a session like a password's", async () => {
      const page = await signInThroughProvider(browser, app.url, provider, verified(demoEmail(KNOWN)));
      await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${KNOWN.split(" ")[0]}` })).toBeVisible(ROUND_TRIP);
      expect(page.url()).toBe(`${app.url}/`);
      // The session cookie holds the person's id and sign-in time, as a password sign-in's does, and nothing of the provider's.
      const cookies = await page.context().cookies(app.url);
      const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
      const token = await decode({ token: session.value, secret: demo.authSecret, salt: SESSION_COOKIE });
      expect(Object.keys(token!).sort()).toEqual(["exp", "iat", "jti", SIGNED_IN_AT_CLAIM, "sub"].sort());
      expect(token!.sub).toBe(demo.setup.knownId);
      // The same twelve hours as any session.
      expect(token!.exp! - token!.iat!).toBe(SESSION_MAX_AGE_SECONDS);
      // The state, nonce and PKCE cookies were used up on the way back.
      expect(cookies.map((cookie) => cookie.name).filter((name) => /pkce|state|nonce/.test(name))).toEqual([]);

      // Signing out ends the session; signing in again through the provider (still signed in there) works.
      await submitWith(page.getByRole("button", { name: "Sign out" }));
      await expect(page).toHaveURL(`${app.url}/login`, ROUND_TRIP);
      await page.goto("/");
      await expect(page).toHaveURL(`${app.url}/login`);
      await submitWith(page.getByRole("button", { name: `Sign in with ${NAME}` }));
      await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${KNOWN.split(" ")[0]}` })).toBeVisible(ROUND_TRIP);
      await page.context().close();
    });

    for (const [who, account, message] of [
      ["an email Fulcrum does not know", verified("stranger@example.com"), NOT_ADMITTED],
      ["a deactivated person", verified(demoEmail(DEACTIVATED)), NOT_ADMITTED],
      ["an email the provider has not verified", { email: demoEmail(KNOWN), emailVerified: false }, UNVERIFIED],
    ] as const) {
      await test.step(`${who} is refused`, async () => {
        const page = await signInThroughProvider(browser, app.url, provider, account);
        await expect(page).toHaveURL(/\/login\?error=/, ROUND_TRIP);
        await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
        await page.goto("/");
        await expect(page).toHaveURL(`${app.url}/login`);
        await page.context().close();
      });
    }

    await test.step("an answer whose state was tampered with is refused", async () => {
      const page = await (await browser.newContext({ baseURL: app.url, viewport: LAPTOP })).newPage();
      await page.goto("/login");
      // The provider's answer for a known person, kept from the browser, then delivered with another state than the one this sign-in began with.
      provider.signInAs(verified(demoEmail(KNOWN)));
      const held = provider.holdNextAnswer();
      await submitWith(page.getByRole("button", { name: `Sign in with ${NAME}` }));
      const answer = new URL(await held);
      // The browser has come to rest on the provider's page instead of coming back.
      await expect(page.getByText("held", { exact: true })).toBeVisible(ROUND_TRIP);
      answer.searchParams.set("state", `${answer.searchParams.get("state")}x`);
      await page.goto(answer.toString());
      await expect(page.getByRole("status").filter({ hasText: NOT_COMPLETED })).toBeVisible(ROUND_TRIP);
      expect((await page.context().cookies(app.url)).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
      await page.goto("/");
      await expect(page).toHaveURL(`${app.url}/login`);
      await page.context().close();
    });

    await test.step("the password form is still there", async () => {
      const page = await (await browser.newContext({ baseURL: app.url, viewport: LAPTOP })).newPage();
      await page.goto("/login");
      await expect(page.getByLabel("Password")).toBeVisible();
      await page.context().close();
    });
  } finally {
    await demo.dispose();
    await provider.stop();
  }
});

test("with password sign-in off, no password signs anyone in, and no link that sets one can be made", async ({ browser }) => {
  test.setTimeout(300_000);
  const provider = await startOpenIdProvider();
  const demo = await ownDemoWithDeactivated();
  const actions = builtActions();
  try {
    const app = atLocalhost(await demo.serve({ ...provider.env, FULCRUM_OIDC_NAME: NAME, FULCRUM_PASSWORD_SIGNIN: "off" }));
    provider.serve(app.url);
    const email = demoEmail(KNOWN);

    // The sign-in page offers the provider only.
    const page = await (await browser.newContext({ baseURL: app.url, viewport: LAPTOP })).newPage();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: `Sign in with ${NAME}` })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveCount(0);
    await page.goto("/login/forgot");
    await expect(page.getByText(LINKS_OFF)).toBeVisible();
    await page.context().close();

    // Auth.js's credentials endpoint signs nobody in.
    const direct = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    expect(direct.headers.getSetCookie().join()).not.toContain("session-token");
    // Nor does the sign-in form's action, posted directly.
    const signIn = await callAction(app.url, {
      path: "/login",
      actionId: actions.get("app/login/actions.ts#signInAction")!.id,
      args: [IDLE, form({ email, password: DEMO_PASSWORD, callbackUrl: "/" })],
    });
    expect(outcome(signIn)).toBe(`Password sign-in is off here. Sign in with ${NAME}.`);
    expect(signIn.text).not.toContain("session-token");

    // The administrator, signed in through the provider, is offered no link, and refused one.
    const admin = await signInThroughProvider(browser, app.url, provider, verified(demoEmail(ADMIN)));
    await expect(admin.getByRole("heading", { level: 1, name: `Welcome, ${ADMIN.split(" ")[0]}` })).toBeVisible(ROUND_TRIP);
    await admin.goto(`/admin/people/${demo.setup.knownId}`);
    await expect(admin.getByRole("heading", { level: 1, name: KNOWN })).toBeVisible();
    await expect(admin.getByRole("heading", { name: "Sign-in link" })).toHaveCount(0);
    await expect(admin.getByRole("button", { name: /link/ })).toHaveCount(0);
    const cookie = (await admin.context().cookies(app.url)).find((entry) => entry.name === SESSION_COOKIE)!;
    const link = await callAction(app.url, {
      path: `/admin/people/${demo.setup.knownId}`,
      actionId: actions.get("app/(app)/admin/people/[personId]/actions.ts#createInvitationAction")!.id,
      args: [IDLE, form({ personId: demo.setup.knownId })],
      headers: { Cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(outcome(link)).toBe(LINKS_OFF);
    await admin.context().close();

    // Nothing was written but the sign-in times of the administrator's sign-in.
    expect(await demo.changedTables()).toEqual({ people: { added: 0, columns: ["last_sign_in_at"] } });
  } finally {
    await demo.dispose();
    await provider.stop();
  }
});
