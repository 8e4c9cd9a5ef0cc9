import { expect, expectNoAxeViolations, test } from "./fixtures";
import { pdfPages } from "./support/pdf";
import { clock } from "@/lib/clock";
import { demoCycleCalendar } from "@/server/internal/seed/demo-calendar";
import { DEMO_TEAMS } from "@/server/internal/seed/demo-org";

/** The demo's closed cycle before the latest: Daniel Okafor committed to three actions after it. */
const previousCycle = demoCycleCalendar(clock.now())[1]!.name;
/** The report's heading names its manager: "Daniel Okafor: Q3 2026". */
const managerName = DEMO_TEAMS[0]!.manager;

test.describe("the team debrief", () => {
  test("prints on one A4 page: the team's aggregates and what the manager will practise, never a comment", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My report" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${managerName}: `));
    await expect(page.getByRole("region", { name: "Comments" }).getByRole("listitem").first()).toBeVisible();
    const comments = await page.getByRole("region", { name: "Comments" }).getByRole("listitem").allTextContents();
    expect(comments.length).toBeGreaterThan(0);
    const reportTitle = await page.getByRole("heading", { level: 1 }).textContent();
    const cycleName = reportTitle!.replace(`${managerName}: `, "");

    await page.getByRole("link", { name: "Team debrief, one page to print" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`: what you told me in ${cycleName}$`));
    await expect(page.getByText(/of you answered · prepared on/)).toBeVisible();
    const table = page.getByRole("table", { name: /How often you see each side/ });
    await expect(table.getByRole("row")).toHaveCount(8);
    await expect(table.getByRole("row", { name: /^Focus/ })).toContainText(/\d\.\d of 5 \(n \d+\)/);
    await expect(page.getByRole("heading", { name: "What I will practise" })).toBeVisible();
    const text = await page.locator("main").textContent();
    for (const comment of comments) expect(text).not.toContain(comment.trim());
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    expect(pdfPages(await page.pdf({ format: "A4", printBackground: true }))).toBe(1);
  });

  test("keeps to one A4 page with three commitments, frozen in an earlier cycle", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My report" }).click();
    await page.getByRole("navigation", { name: "Cycles" }).getByRole("link", { name: previousCycle }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${managerName}: ${previousCycle}`);
    await page.getByRole("link", { name: "Team debrief, one page to print" }).click();
    const practised = page.getByRole("region", { name: "What I will practise" }).getByRole("listitem");
    await expect(practised).toHaveCount(3);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    expect(pdfPages(await page.pdf({ format: "A4", printBackground: true }))).toBe(1);
  });

  test("is the manager's own: a rep gets the same 404 as for any report", async ({ signedInAs }) => {
    const page = await signedInAs("rep");
    const response = await page.goto("/debrief/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
  });
});
