import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, expectNoAxeViolations, ROLES, signIn, test, submitWith } from "./fixtures";

const TEAM_ROWS = "tbody:nth-of-type(2) > tr";

test.describe("a director compares the teams below them", () => {
  test("sorts, filters, edits a situation, downloads the CSV and opens a report from the plot", async ({ signedInAs }) => {
    const page = await signedInAs("director");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teams" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Teams below you" })).toBeVisible();
    const table = page.getByRole("table", { name: /Scores of each team in/ });
    await expect(table.locator(TEAM_ROWS)).toHaveCount(4);
    await expect(table.getByRole("row", { name: /All teams with enough answers/ })).toContainText("1 team left out with too few answers");
    // Hannah's team is below k: every score of it is hidden, and says why.
    const hannah = table.getByRole("row", { name: /Hannah Schmidt/ });
    await expect(hannah.getByText("too few answers", { exact: true })).toHaveCount(11);
    await expect(hannah.getByRole("cell", { name: /^too few answers ?: fewer than \d+ answers, so not shown$/ })).toHaveCount(11);
    await expectNoAxeViolations(page);

    // Sort by fit to the situation: largest first, the hidden one last; the URL keeps the view.
    await table.getByRole("link", { name: "Fit to the situation (B − T)" }).click();
    await expect(page).toHaveURL(/sort=fitGap/);
    await expect(table.locator(`${TEAM_ROWS} th a`)).toHaveText(["Sofia Rossi", "Liam O'Brien", "Daniel Okafor", "Hannah Schmidt"]);
    await expect(table.getByRole("columnheader", { name: "Fit to the situation (B − T)" })).toHaveAttribute("aria-sort", "descending");

    // Filter to one sub-team; a reload (or a shared link) shows the same view.
    await page.getByLabel("Sub-team").selectOption({ label: "Liam O'Brien (1 team)" });
    await expect(table.locator(TEAM_ROWS)).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "teams match" })).toHaveText("1 of 4 teams match.");
    await expect(page).toHaveURL(/sub=[0-9a-f-]{36}/);
    await page.reload();
    await expect(table.locator(TEAM_ROWS)).toHaveCount(1);
    await expect(page.getByLabel("Sub-team")).toHaveValue(/[0-9a-f-]{36}/);

    // Edit the team's situations: T changes at once, and so does the heatmap.
    await table.getByRole("link", { name: /Edit situations of Liam O'Brien's team: calls for 0\.00/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Situation of Liam O'Brien's team" })).toBeVisible();
    await expect(page.getByTestId("target")).toContainText("0.00");
    await page.getByLabel("Period of change").check();
    await page.getByLabel("Innovation is essential").check();
    await page.getByLabel("Large team").check();
    await expect(page.getByText("With these marks the situation would call for")).toContainText("+0.33");
    await submitWith(page.getByRole("button", { name: "Save situation" }));
    await expect(page.getByRole("status")).toHaveText(/Saved\. The situation now calls for \+0\.33/);
    await expect(page.getByTestId("target")).toContainText("+0.33");
    await expect(page.getByRole("table", { name: /Every saved situation/ }).getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("cell", { name: "Marcus Bennett" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "← Back to the teams" }).click();
    await expect(page).toHaveURL(/sort=fitGap.*sub=/);
    await expect(table.getByRole("link", { name: /Edit situations of Liam O'Brien's team: calls for \+0\.33/ })).toBeVisible();

    // The CSV holds exactly the filtered view, with the new T.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fulcrum-teams-.*\.csv$/);
    const records = parse(readFileSync((await download.path())!, "utf8"), { bom: true }) as string[][];
    expect(records.map((record) => record[1])).toEqual([
      "Manager",
      "All teams with enough answers, k or more (3 of 4): counts and scores cover these teams only",
      "Liam O'Brien",
    ]);
    expect(records[2]![records[0]!.indexOf("Situation calls for (T)")]).toBe("0.33");

    // Put the situation back, so the demo stays as it was for other tests.
    await table.getByRole("link", { name: /Edit situations of Liam O'Brien's team/ }).click();
    for (const label of ["Period of change", "Innovation is essential", "Large team"]) await page.getByLabel(label).uncheck();
    await submitWith(page.getByRole("button", { name: "Save situation" }));
    await expect(page.getByTestId("target")).toContainText("0.00");
    await page.getByRole("link", { name: "← Back to the teams" }).click();

    // Each point of the portfolio plot is a link named with its manager and numbers: Enter on it opens that team's report.
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(table.locator(TEAM_ROWS)).toHaveCount(4);
    const plot = page.getByRole("figure", { name: "Portfolio: overall balance against versatility" });
    await expect(plot).toContainText("3 of 4 teams plotted");
    // The plot draws its shapes once it comes near the screen.
    await plot.scrollIntoViewIfNeeded();
    await expect(plot.getByRole("link")).toHaveCount(3);
    const point = plot.getByRole("link", { name: /^Liam O'Brien: overall balance [+−]?\d\.\d\d, .*; versatility \d\.\d; fit to the situation / });
    await point.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/report\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  });

  test("shows an open cycle as response counts only", async ({ signedInAs }) => {
    const page = await signedInAs("vp");
    await page.goto("/teams");
    await page
      .getByRole("navigation", { name: "Cycles" })
      .getByRole("link", { name: /\(open\)/ })
      .click();
    const progress = page.getByRole("table", { name: /Responses so far in/ });
    await expect(progress.getByRole("row")).toHaveCount(11);
    await expect(progress.getByRole("row", { name: /Daniel Okafor Marcus Bennett \d+ of 7/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
    await expect(page.getByText("too few answers")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("shows the manager their own situation read-only, and gives them no teams page", async ({ signedInAs, browser, baseURL }) => {
    const director = await signedInAs("director");
    await director.goto("/teams");
    const href = (await director.getByRole("link", { name: /Edit situations of Daniel Okafor's team/ }).getAttribute("href"))!.split("?")[0]!;

    // A browser of the manager's own. Signing the director out here would end their sessions everywhere, other tests included.
    const page = await (await browser.newContext({ baseURL })).newPage();
    await signIn(page, ROLES.manager);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: "Your team's situation" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Situations marked" })).toBeVisible();
    await expect(page.getByText("Period of change", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save situation" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect((await page.request.get("/teams")).status()).toBe(404);
  });
});
