import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, signIn, test, submitWith } from "./fixtures";

// Raw HTTP against the real server action: a genuine submission is captured in the
// browser (and stopped before it reaches the server), then replayed with forged parts.
const attacker = { email: demoEmail(DEMO_TEAMS[7]!.reps[0]!), manager: DEMO_TEAMS[7]!.manager };
const otherTeam = { email: demoEmail(DEMO_TEAMS[1]!.reps[0]!), manager: DEMO_TEAMS[1]!.manager };

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: string;
}

async function surveyUrl(page: Page, manager: string) {
  const href = await page.getByRole("link", { name: `Rate ${manager}` }).getAttribute("href");
  return href!;
}

async function captureSubmission(page: Page): Promise<Captured> {
  const groups = await page.locator("fieldset").all();
  expect(groups).toHaveLength(21);
  for (const group of groups) await group.getByRole("radio").nth(2).check();
  let captured: Captured | undefined;
  await page.route("**/assessments/**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
    return route.abort();
  });
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute("**/assessments/**");
  return captured!;
}

/** Replaces the posted value of one form field in the multipart body. */
function withField(body: string, field: string, value: string) {
  const pattern = new RegExp(`(name="[^"]*${field.replace(/\./g, "\\.")}"\\r\\n\\r\\n)[^\\r]*`);
  expect(body).toMatch(pattern);
  return body.replace(pattern, `$1${value}`);
}

async function cookieHeader(context: BrowserContext) {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

function replay(request: APIRequestContext, captured: Captured, body: string, headers: Record<string, string> = {}) {
  const keep = ["next-action", "next-router-state-tree", "content-type", "accept", "origin", "cookie"];
  const sent = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => keep.includes(name)));
  return request.post(captured.url, { headers: { ...sent, ...headers }, data: Buffer.from(body), maxRedirects: 0 });
}

async function expectNotDone(page: Page, manager: string) {
  await page.goto("/");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Rate ${manager}` })
      .getByText("Not done yet"),
  ).toBeVisible();
}

test("forged survey submissions are refused and write nothing", async ({ browser, playwright }) => {
  const request = await playwright.request.newContext();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, otherTeam.email);
  await expect(otherPage.getByRole("button", { name: "Sign out" })).toBeVisible();
  const otherManagerId = (await surveyUrl(otherPage, otherTeam.manager)).split("/")[3]!;

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, attacker.email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("link", { name: `Rate ${attacker.manager}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rate ${attacker.manager}` })).toBeVisible();
  const captured = await captureSubmission(page);
  captured.headers.cookie = await cookieHeader(context);

  const outOfRange = await replay(request, captured, withField(captured.body, "aspects.focus.management", "9"));
  expect(await outOfRange.text()).toContain("Some answers are missing or not valid");

  const needOutOfRange = await replay(request, captured, withField(captured.body, "aspects.motivation.need", "-7"));
  expect(await needOutOfRange.text()).toContain("Some answers are missing or not valid");

  const anotherManager = await replay(request, captured, withField(captured.body, "managerId", otherManagerId));
  expect(await anotherManager.text()).toContain("You are not invited to rate this person in this cycle.");

  const crossOrigin = await replay(request, captured, captured.body, { origin: "https://evil.example" });
  expect(crossOrigin.status()).not.toBe(200);

  const noSession = await replay(request, captured, captured.body, { cookie: "" });
  expect([303, 307, 308]).toContain(noSession.status());
  expect(noSession.headers().location).toContain("/login");

  await expectNotDone(page, attacker.manager);

  // After signing out, the old cookie no longer works, even though it has not expired.
  await submitWith(page.getByRole("button", { name: "Sign out" }));
  await expect(page).toHaveURL(/\/login/);
  const replayed = await replay(request, captured, captured.body);
  expect(await replayed.text()).toContain("Your session has ended");

  await signIn(page, attacker.email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNotDone(page, attacker.manager);
  await expectNotDone(otherPage, otherTeam.manager);
  await request.dispose();
});
