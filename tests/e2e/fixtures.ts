import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TEAMS, DIRECTORS, ADMIN, VP, demoEmail } from "@/server/internal/seed/demo-org";

/** One demo account per position in the tree, as the login page lists them. */
export const ROLES = {
  rep: demoEmail(DEMO_TEAMS[0]!.reps[0]!),
  manager: demoEmail(DEMO_TEAMS[0]!.manager),
  director: demoEmail(DIRECTORS[0]),
  vp: demoEmail(VP),
  admin: demoEmail(ADMIN),
} as const;
export type Role = keyof typeof ROLES;

/**
 * Clicks a form's submit button once React has hydrated it. A click that lands before then
 * posts the form the way a browser without JavaScript does: a whole page comes back, whose
 * title Next.js streams at its very end, and on a busy machine a test racing the page's
 * scripts sometimes got a document with no title at all (axe: document-title). Tests that
 * mean the hydrated page wait for it; the no-JavaScript path has tests of its own
 * (no-javascript.spec.ts).
 */
export async function submitWith(button: Locator) {
  await expect(button).toBeEnabled();
  // React keeps each element's props on it, under a key of its own, once it has hydrated it.
  await expect.poll(() => button.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$")))).toBe(true);
  await button.click();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submitWith(page.getByRole("button", { name: "Sign in" }));
}

/**
 * Fails with the list of violations, so a report says what to fix. Next.js streams a
 * page's metadata after its body, and on a client-side navigation sets the title only once
 * that has arrived: the scan waits for the title, as a person's tab would show it a moment
 * later, and fails if none comes.
 */
export async function expectNoAxeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

type Fixtures = { signedInAs: (role: Role) => Promise<Page> };

/** `signedInAs("manager")` gives a page already signed in as that demo role. */
export const test = base.extend<Fixtures>({
  signedInAs: async ({ page }, provide) => {
    await provide(async (role) => {
      await signIn(page, ROLES[role]);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      return page;
    });
  },
});

export { expect };
