import { DEMO_TEAMS, demoEmail } from "@/db/seed/demo-org";
import { expect, signIn, test } from "./fixtures";

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
  await page.getByRole("link", { name: /^Rate / }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/how-scores-work");
  await expect(page.getByRole("heading", { level: 1, name: "How scores work" })).toBeVisible();
  await page.goto("/no-such-page");
  expect(violations).toEqual([]);
});
