import type { Page } from "@playwright/test";
import { DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { daysFromToday } from "../support/days";
import { expect, signIn, submitWith, test } from "./fixtures";

// Finding L7: a half-filled survey stays in the browser. On a shared computer the next
// person must find nothing of it, whether the last one signed out or just walked away.
// These accounts only draft, never submit, and no other spec running beside this one signs
// them out (signing out ends a person's sessions everywhere, a parallel test's included).
// The first rep of a demo team has the open cycle's survey still to do.
const leaver = { email: demoEmail(DEMO_TEAMS[3]!.reps[0]!), manager: DEMO_TEAMS[3]!.manager };
const walkedAway = { email: demoEmail(DEMO_TEAMS[2]!.reps[0]!), manager: DEMO_TEAMS[2]!.manager };
/** The manager walkedAway was rating: the same cycle and manager are their own self-assessment. */
const nextUser = demoEmail(DEMO_TEAMS[2]!.manager);
const COMMENT = "Shared-computer secret: my manager cancels our one-to-ones";

/** Everything this origin keeps in the browser's storage. */
const storage = (page: Page) => page.evaluate(() => ({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }));

/** Opens the rep's survey and leaves it half done: one aspect answered, a comment typed. */
async function halfFill(page: Page, manager: string) {
  await page.getByRole("link", { name: `Rate ${manager}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rate ${manager}` })).toBeVisible();
  // The draft is written by the hydrated form: wait for React before typing.
  await expect.poll(() => page.locator("form:has(textarea)").evaluate((form) => Object.keys(form).some((key) => key.startsWith("__reactProps$")))).toBe(true);
  const focus = page.getByRole("region", { name: "1. Focus" });
  for (const item of ["management", "leadership", "need"]) {
    await focus.locator(`fieldset:has(input[name="aspects.focus.${item}"])`).getByRole("radio").nth(2).check();
  }
  await page.getByLabel(/Anything else/).fill(COMMENT);
  await expect(page.getByText("1 of 7 aspects")).toBeVisible();
  // The attack needs something to find: the draft really is in storage now.
  await expect.poll(async () => JSON.stringify(await storage(page))).toContain(COMMENT);
}

test("signing out leaves nothing of a half-filled survey in the browser", async ({ page }) => {
  await signIn(page, leaver.email);
  await halfFill(page, leaver.manager);

  await submitWith(page.getByRole("button", { name: "Sign out" }));
  await expect(page).toHaveURL(/\/login/);
  expect(await storage(page)).toEqual({ local: {}, session: {} });
});

test("the next person to sign in on the same browser never sees, and removes, the last one's draft", async ({ page, context }) => {
  await signIn(page, walkedAway.email);
  await halfFill(page, walkedAway.manager);
  const surveyUrl = page.url();

  // They close the tab without signing out; their session ends (here: its cookie is gone).
  await context.clearCookies();
  await signIn(page, nextUser);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect.poll(async () => storage(page)).toEqual({ local: {}, session: {} });

  // The same cycle and manager, seen by someone else: none of the first person's answers.
  await page.goto(surveyUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("input:checked")).toHaveCount(0);
  await expect(page.getByText(COMMENT)).toHaveCount(0);
  expect(JSON.stringify(await storage(page))).not.toContain(COMMENT);
});

test("a draft is removed once its cycle has closed, by the server's date", async ({ page }) => {
  await signIn(page, walkedAway.email);
  await halfFill(page, walkedAway.manager);
  // Another signed-in page keeps the person's own draft of an open cycle.
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(JSON.stringify(await storage(page))).toContain(COMMENT);

  // As it would stand the day after the close: the server's today is past the stored date.
  const yesterday = daysFromToday(-1);
  await page.evaluate((closesOn) => {
    for (const key of Object.keys(window.localStorage).filter((name) => name.startsWith("fulcrum:draft:"))) {
      window.localStorage.setItem(key, JSON.stringify({ ...JSON.parse(window.localStorage.getItem(key)!), closesOn }));
    }
  }, yesterday);
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect.poll(async () => storage(page)).toEqual({ local: {}, session: {} });
});
