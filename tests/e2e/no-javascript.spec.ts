import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";
import { daysFromToday } from "../support/days";
import { expect, expectNoAxeViolations, ROLES, test } from "./fixtures";

// A form posted before the page's scripts have run (a slow phone, a busy machine, or no
// JavaScript at all) is sent as a whole-page post, and a whole page comes back. This walks
// one admin journey that way, in a browser that runs no JavaScript.
test.use({ javaScriptEnabled: false });

/** axe runs in the page, so the document that came back is scanned in a page that runs scripts, with its own left out. */
async function expectAccessibleAsServed(page: Page, browser: Browser) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const scanner = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  await scanner.goto("/api/health");
  await scanner.setContent(html);
  await expectNoAxeViolations(scanner);
  await scanner.context().close();
}

test("without JavaScript, an admin signs in and creates a draft, and every page that comes back is whole", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(ROLES.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto("/admin/cycles");
  const name = "Drafted without scripts";
  await page.getByLabel("Name").first().fill(name);
  await page.getByLabel("Opens on").first().fill(daysFromToday(60));
  await page.getByLabel("Closes on").first().fill(daysFromToday(45));
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("The close date must come after the open date.")).toBeVisible();
  await expect(page).toHaveTitle("Cycles · Fulcrum");
  await expectAccessibleAsServed(page, browser);
  // What was typed comes back, so only the wrong field needs fixing.
  await expect(page.getByLabel("Name").first()).toHaveValue(name);

  await page.getByLabel("Closes on").first().fill(daysFromToday(85));
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText(`Draft “${name}” created.`)).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: name }).getByText("draft", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Cycles · Fulcrum");
  await expectAccessibleAsServed(page, browser);
});
