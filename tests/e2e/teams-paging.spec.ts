import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { TEAMS_PAGE_SIZE } from "@/lib/teams/paging";
import { LARGE_PASSWORD, LARGE_TOP_EMAIL, seedLarge } from "@/server/internal/seed/large";
import { type AppServer, startApp } from "../faults/support/app-server";
import { expect as expectSoon, expectNoAxeViolations, test } from "./fixtures";
import { withDatabase } from "./support/demo-database";
import { E2E_SEAL_KEY } from "./support/seal-key";

// The demo has ten teams at most: the pages of the heatmap need an organisation of their own,
// a small copy of the benchmark's, with one closed cycle, served by a server of this spec's own.
const MANAGERS = 130;
// Each page is rendered from every team on a server shared with the other specs: on a busy machine a navigation takes seconds.
const expect = expectSoon.configure({ timeout: 20_000 });
const TEAM_ROWS = "tbody:nth-of-type(2) > tr";

let dataDir: string;
let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "fulcrum-e2e-paging-"));
  await withDatabase(dataDir, (db) => seedLarge(db, { managers: MANAGERS, reps: MANAGERS * 5, cycles: 1 }));
  app = await startApp({
    env: { FULCRUM_DATA_DIR: dataDir, FULCRUM_DEMO: "off", AUTH_SECRET: randomBytes(48).toString("base64url"), FULCRUM_SEAL_KEY: E2E_SEAL_KEY },
  });
});

test.afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signInAtTheTop(page: Page) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("Work email").fill(LARGE_TOP_EMAIL);
  await page.getByLabel("Password").fill(LARGE_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Checking the password takes a while on a busy machine.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
}

const rowNames = (page: Page) =>
  page
    .getByRole("table", { name: /Scores of each team in/ })
    .locator(`${TEAM_ROWS} th a`)
    .allTextContents();

/** The managers of the CSV export of the view on screen, in its order: every page of it. */
async function exportedNames(page: Page): Promise<string[]> {
  const href = (await page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!;
  const response = await page.request.get(`${app.url}${href}`);
  const records = parse(await response.text(), { bom: true }) as string[][];
  return records.slice(2).map((record) => record[1]!);
}

const pages = (page: Page) => page.getByRole("navigation", { name: "Pages of the teams table" });

test("a director pages through a large organisation, sorted and filtered on the server, with the export covering every page", async ({ page }) => {
  // Many pages, each scanned or compared with a whole export.
  test.setTimeout(180_000);
  await signInAtTheTop(page);
  await page.goto(`${app.url}/teams`);
  const status = page.getByRole("status").filter({ hasText: /teams/ });
  await expect(status).toHaveText(/^([\d,]+) teams\. Teams 1–50 of \1\.$/);
  const total = Number((await status.textContent())!.match(/^([\d,]+)/)![1]!.replace(",", ""));
  expect(total).toBeGreaterThan(2 * TEAMS_PAGE_SIZE);
  const lastPage = Math.ceil(total / TEAMS_PAGE_SIZE);
  await expect(page.locator(TEAM_ROWS)).toHaveCount(TEAMS_PAGE_SIZE);
  await expect(pages(page).locator("[aria-current=page]")).toHaveText("Page 1");
  const all = await exportedNames(page);
  expect(all).toHaveLength(total);
  expect(await rowNames(page)).toEqual(all.slice(0, TEAMS_PAGE_SIZE));

  // The next page: the next rows of the same order, and their place in the whole table.
  await pages(page).getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(status).toHaveText(`${total} teams. Teams 51–100 of ${total}.`);
  await expect(pages(page).locator("[aria-current=page]")).toHaveText("Page 2");
  expect(await rowNames(page)).toEqual(all.slice(TEAMS_PAGE_SIZE, 2 * TEAMS_PAGE_SIZE));
  await expect(page.locator(TEAM_ROWS).first()).toHaveAttribute("aria-rowindex", String(TEAMS_PAGE_SIZE + 3));
  await expect(page.getByRole("table", { name: /Scores of each team in/ })).toHaveAttribute("aria-rowcount", String(total + 2));
  // The plot draws this page's teams; its summary counts every team.
  const plot = page.getByRole("figure", { name: "Portfolio: overall balance against versatility" });
  await expect(plot).toContainText(`of ${total} teams have an overall balance`);
  const drawn = Number((await plot.textContent())!.match(/The plot draws the (\d+) of them on this page of the table, teams 51–100\./)![1]);
  await plot.scrollIntoViewIfNeeded();
  await expect(plot.getByRole("link")).toHaveCount(drawn);
  expect(drawn).toBeLessThanOrEqual(TEAMS_PAGE_SIZE);
  await expectNoAxeViolations(page);

  // A new sort starts again from the first page, and the pages follow it.
  await page.getByRole("link", { name: "Fit to the situation (B − T)" }).click();
  await expect(page).toHaveURL(/\?sort=fitGap$/);
  await expect(status).toHaveText(`${total} teams. Teams 1–50 of ${total}.`);
  const byFit = await exportedNames(page);
  expect(byFit).not.toEqual(all);
  expect(await rowNames(page)).toEqual(byFit.slice(0, TEAMS_PAGE_SIZE));
  await pages(page)
    .getByRole("link", { name: `Page ${lastPage}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`\\?sort=fitGap&page=${lastPage}$`));
  expect(await rowNames(page)).toEqual(byFit.slice((lastPage - 1) * TEAMS_PAGE_SIZE));
  await expect(pages(page).getByText("Next →")).not.toHaveAttribute("href");

  // A filter applies as it changes, over every team, and starts from the first page.
  await page.getByLabel("with a one-sided aspect").check();
  await expect(page).toHaveURL(/\?sort=fitGap&lopsided=1$/);
  await expect(status).toHaveText(new RegExp(`^[\\d,]+ of ${total} teams match\\.`));
  const lopsided = await exportedNames(page);
  expect(lopsided.length).toBeLessThan(total);
  expect(await rowNames(page)).toEqual(lopsided.slice(0, TEAMS_PAGE_SIZE));

  // A page past the last shows the last.
  await page.goto(`${app.url}/teams?sort=fitGap&page=9999`);
  await expect(pages(page).locator("[aria-current=page]")).toHaveText(`Page ${lastPage}`);
  expect(await rowNames(page)).toEqual(byFit.slice((lastPage - 1) * TEAMS_PAGE_SIZE));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the pages, the sort and the filters are links and a plain form", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAtTheTop(page);
    await page.goto(`${app.url}/teams`);
    const status = page.getByRole("status").filter({ hasText: /teams/ });
    await expect(page.locator(TEAM_ROWS)).toHaveCount(TEAMS_PAGE_SIZE);
    await pages(page).getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/[?&]page=2$/);
    await expect(status).toContainText("Teams 51–100 of");

    await page.getByRole("link", { name: "Overall balance (B)" }).click();
    await expect(page).toHaveURL(/\?sort=balance$/);
    await expect(page.getByRole("columnheader", { name: "Overall balance (B)" })).toHaveAttribute("aria-sort", "descending");
    const sorted = await exportedNames(page);
    expect(await rowNames(page)).toEqual(sorted.slice(0, TEAMS_PAGE_SIZE));

    await page.getByLabel("with no commitment").check();
    await page.getByRole("button", { name: "Show teams" }).click();
    await expect(page).toHaveURL(/sort=balance.*uncommitted=1/);
    await expect(status).toHaveText(/ teams match\./);
    const uncommitted = await exportedNames(page);
    expect(await rowNames(page)).toEqual(uncommitted.slice(0, TEAMS_PAGE_SIZE));
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\?sort=balance$/);
  });
});
