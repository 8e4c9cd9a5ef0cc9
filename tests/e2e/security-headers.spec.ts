import { signInOverHttp } from "../support/sign-in-over-http";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, ROLES, signIn, test } from "./fixtures";

test("pages carry a strict, per-request Content-Security-Policy and the other security headers", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  // Plain HTTP here: HSTS must not be sent.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  const behindHttps = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(behindHttps.headers()["strict-transport-security"]).toContain("max-age=");
});

test("no page logs a Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/login");
  await signIn(page, demoEmail(DEMO_TEAMS[3]!.reps[1]!));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page
    .getByRole("link", { name: /^Rate / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/how-scores-work");
  await expect(page.getByRole("heading", { level: 1, name: "How scores work" })).toBeVisible();
  await page.goto("/no-such-page");
  expect(violations).toEqual([]);
});

/** Signs in over HTTP the way the form does, and returns every Set-Cookie header the sign-in sent. */
async function signInCookies(baseUrl: string, headers: Record<string, string> = {}) {
  const { outcome, setCookies } = await signInOverHttp(baseUrl, demoEmail(DEMO_TEAMS[5]!.reps[0]!), DEMO_PASSWORD, headers);
  expect(outcome).toBe("signed-in");
  return setCookies;
}

const attributes = (cookie: string) => cookie.split(";").map((part) => part.trim().toLowerCase());

test("cookies are HttpOnly and SameSite=Lax, and Secure behind HTTPS", async ({ baseURL }) => {
  const overHttp = await signInCookies(baseURL!);
  const session = overHttp.find((cookie) => cookie.startsWith("authjs.session-token="));
  expect(session, overHttp.join("\n")).toBeTruthy();
  for (const cookie of overHttp) {
    expect(attributes(cookie)).toContain("httponly");
    expect(attributes(cookie)).toContain("samesite=lax");
  }
  // Plain HTTP, as on a developer's machine: a Secure cookie would never come back.
  expect(attributes(session!)).not.toContain("secure");

  const overHttps = await signInCookies(baseURL!, { "x-forwarded-proto": "https" });
  const secureSession = overHttps.find((cookie) => cookie.startsWith("__Secure-authjs.session-token="));
  expect(secureSession, overHttps.join("\n")).toBeTruthy();
  for (const cookie of overHttps) {
    expect(attributes(cookie)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
  }
});

test("no signed-in page logs a Content-Security-Policy violation, charts and admin included", async ({ browser }) => {
  const visits: Record<string, string[]> = {
    [ROLES.manager]: ["/", "/report", "/how-scores-work"],
    [ROLES.vp]: ["/", "/teams", "/report"],
    [ROLES.admin]: ["/admin", "/admin/cycles", "/admin/people", "/admin/people/import", "/admin/settings", "/admin/audit"],
  };
  const violations: string[] = [];
  for (const [email, paths] of Object.entries(visits)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await signIn(page, email);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await context.close();
  }
  expect(violations).toEqual([]);
});
