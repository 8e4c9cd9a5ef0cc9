import type { Page } from "@playwright/test";
import { clock } from "@/lib/clock";
import { formatDay } from "@/lib/dates";
import { DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";
import { pdfPages, pdfPageTexts } from "./support/pdf";

const SECTIONS = [
  "Key takeaways",
  "Summary",
  "Balance per aspect",
  "Managing and leading profile",
  "Your view and your team's",
  "Follow-through",
  "What to practise next",
  "Your commitments",
  "Comments",
  "Trend",
];

const figure = (page: Page, caption: RegExp) => page.getByRole("figure", { name: caption });
const strip = (page: Page) => figure(page, /Where each aspect sits/);
const radar = (page: Page) => figure(page, /How often the team sees each side/);
const trend = (page: Page) => figure(page, /Overall balance and versatility/);

/** A chart's drawing, once the reader has scrolled to it: chart code loads only near the screen. */
async function drawing(chart: ReturnType<typeof figure>) {
  await chart.scrollIntoViewIfNeeded();
  return chart.locator("svg.recharts-surface");
}

/** The "manager" persona's name, which their report's heading and every printed page carry. */
const MANAGER = DEMO_TEAMS[0]!.manager;

/** Opens the signed-in manager's latest report, whose heading names them and the cycle; returns the cycle's name. */
async function openOwnReport(page: Page, name = MANAGER): Promise<string> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My report" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(new RegExp(`^${name}: Q\\d \\d{4}$`));
  return (await heading.textContent())!.slice(`${name}: `.length);
}

test.describe("a manager's report", () => {
  test("shows every section in order, with the radar, the balance strip, three actions and the trend", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await openOwnReport(page);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(SECTIONS);
    await expect(page.getByRole("link", { name: "How scores work" })).toHaveAttribute("href", "/how-scores-work");

    await expect(await drawing(radar(page))).toBeVisible();
    await expect(radar(page).locator(".recharts-radar")).toHaveCount(4);
    await expect(strip(page).getByRole("list", { name: "Balance per aspect" }).getByRole("listitem")).toHaveCount(7);
    await expect(page.getByRole("list", { name: "Development actions" }).getByRole("listitem")).toHaveCount(3);
    await expect(await drawing(trend(page))).toHaveCount(2);
    await expect(page.getByRole("table", { name: /Change per aspect since Q\d \d{4}/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Comments" }).getByRole("listitem").first()).toBeVisible();
  });

  test("has a table twin for every chart, with the same numbers", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await openOwnReport(page);

    // Balance strip: each row's balance is the table's.
    await strip(page).getByText("Show as table").click();
    const balanceTable = strip(page).getByRole("table");
    await expect(balanceTable).toBeVisible();
    for (const aspect of ["Focus", "Motivation", "Development"]) {
      const b = await balanceTable
        .getByRole("row", { name: new RegExp(`^${aspect}`) })
        .getByRole("cell")
        .first()
        .textContent();
      expect(b).toMatch(/^[+−]?\d\.\d\d$/);
      await expect(strip(page).getByRole("listitem").filter({ hasText: aspect })).toContainText(b!);
    }

    // Radar: its table repeats the self-vs-team table's scores, n, SD and intervals.
    await radar(page).getByText("Show as table").click();
    const selfVsTeam = page.getByRole("table", { name: /Self rating compared with the team's score/ });
    const focusManaging = await selfVsTeam
      .getByRole("row", { name: /^Focus Managing/ })
      .getByRole("cell")
      .allTextContents();
    const [team, n, sd, interval] = focusManaging;
    await expect(
      radar(page)
        .getByRole("row", { name: /^Focus/ })
        .getByRole("cell")
        .first(),
    ).toHaveText(`${team} (n ${n}, SD ${sd}, ${interval})`);

    // Trend: the latest cycle's B in the table is the headline's B, and is drawn on the chart.
    await trend(page).getByText("Show as table").click();
    const rows = trend(page).getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(4);
    const latestB = await rows.last().getByRole("cell").first().textContent();
    await expect(
      page
        .getByRole("definition")
        .filter({ hasText: /^[+−]?\d\.\d\d$/ })
        .first(),
    ).toHaveText(latestB!);
    await expect(trend(page).locator("svg.recharts-surface").first()).toContainText(latestB!);

    await expectNoAxeViolations(page);
  });

  test("works from the keyboard: tooltips on focus, legend toggles by key", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await openOwnReport(page);
    const row = strip(page).getByRole("listitem").filter({ hasText: "Motivation" });
    await row.focus();
    await expect(page.getByRole("tooltip").filter({ hasText: /Managing \d\.\d \(n \d+, SD \d\.\d, / })).toBeVisible();

    await expect(await drawing(radar(page))).toBeVisible();
    const selfManaging = radar(page).getByRole("button", { name: "Self: managing" });
    await expect(selfManaging).toHaveAttribute("aria-pressed", "true");
    await selfManaging.focus();
    await page.keyboard.press("Enter");
    await expect(selfManaging).toHaveAttribute("aria-pressed", "false");
    await expect(radar(page).locator(".recharts-radar")).toHaveCount(3);
    await page.keyboard.press("Space");
    await expect(radar(page).locator(".recharts-radar")).toHaveCount(4);
  });

  test("fits a phone: no sideways scroll, the strip's bars drawn, chart text at least 11 px", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await openOwnReport(page);
    for (const width of [360, 390, 414, 1366]) {
      await page.setViewportSize({ width, height: 844 });
      await expect(await drawing(radar(page))).toBeVisible();
      await expect(await drawing(trend(page))).toHaveCount(2);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // Rendered size: the font size times the scale the SVG is drawn at, in hundredths of a pixel.
      const smallestText = () =>
        page.evaluate(() =>
          Math.min(
            ...[...document.querySelectorAll("figure svg text")].map((text) => {
              const scale = (text as SVGTextElement).getScreenCTM()!;
              return Math.round(parseFloat(getComputedStyle(text).fontSize) * Math.hypot(scale.a, scale.b) * 100) / 100;
            }),
          ),
        );
      await expect.poll(smallestText).toBeGreaterThanOrEqual(11);
      const row = strip(page).getByRole("list", { name: "Balance per aspect" }).getByRole("listitem").first();
      const [rowBox, barBox] = [await row.boundingBox(), await row.locator("svg").boundingBox()];
      expect(barBox!.width).toBeGreaterThan(rowBox!.width / 2);
    }
  });

  test("prints on at most four A4 pages, with the charts, without navigation, and whose it is on every page", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    const cycleName = await openOwnReport(page);
    // The report's own button draws the charts the reader has not scrolled to, then prints.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", "");
    });
    await page.getByRole("button", { name: "Print or save as PDF" }).click();
    await expect(page.locator("body[data-printed]")).toHaveCount(1);
    await expect(radar(page).locator("svg.recharts-surface")).toHaveCount(1);
    await expect(trend(page).locator("svg.recharts-surface")).toHaveCount(2);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Cycles" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(radar(page).locator("svg.recharts-surface")).toBeVisible();
    await expect(page.getByRole("list", { name: "Development actions" })).toBeVisible();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    // Three pages hold the sections of the first release; the follow-through of a manager who
    // committed after the report before (as this one did) pushes the trend onto a fourth.
    expect(pages).toBeLessThanOrEqual(4);
    // A director holding several printouts tells them apart on any page: the running head
    // names the manager, the cycle and the day it was printed, by the server's clock.
    const texts = pdfPageTexts(pdf);
    expect(texts).toHaveLength(pages);
    texts.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`${MANAGER}: ${cycleName}`);
      expect(text, `page ${index + 1}`).toContain(`Printed on ${formatDay(clock.today())}`);
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages}`);
    });
  });

  test("loads chart code only near the screen, and prints a chart not drawn yet as its table", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await page.setViewportSize({ width: 390, height: 844 });
    const scripts: string[] = [];
    page.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
    await openOwnReport(page);
    await expect(strip(page).getByRole("list", { name: "Balance per aspect" }).getByRole("listitem")).toHaveCount(7);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    const loadedAtFirst = scripts.length;

    // The browser's own print command, before any scrolling: every number is still on paper.
    await page.emulateMedia({ media: "print" });
    const text = pdfPageTexts(await page.pdf({ format: "A4", printBackground: true })).join("\n");
    // The radar's and the trend's tables, by their header rows.
    expect(text).toMatch(/Aspect\s+Managing \(n, SD, 95% interval\)\s+Leading \(n, SD, 95% interval\)/);
    expect(text).toMatch(/Cycle\s+Overall balance B\s+Versatility\s+Answered/);
    await page.emulateMedia({ media: "screen" });

    await expect(await drawing(radar(page))).toBeVisible();
    expect(scripts.length).toBeGreaterThan(loadedAtFirst);
    await expect(trend(page).locator("svg.recharts-surface")).toHaveCount(0);
    await expect(await drawing(trend(page))).toHaveCount(2);
  });

  test("shows only n of N for an open cycle", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await openOwnReport(page);
    await page
      .getByRole("navigation", { name: "Cycles" })
      .getByRole("link", { name: /\(open\)/ })
      .click();
    await expect(page.getByText(/^\d+ of \d+ responded so far; results when the cycle closes on \d+ \w+ \d{4}\.$/)).toBeVisible();
    await expect(page.getByRole("figure")).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test("a team below k shows the reason and the self-assessment, and no team score", async ({ page }) => {
  await signIn(page, demoEmail("Hannah Schmidt"));
  await openOwnReport(page, "Hannah Schmidt");
  await expect(page.getByText("Not shown: fewer than 3 people answered.")).toBeVisible();
  await expect(page.getByRole("figure")).toHaveCount(0);
  await expect(page.getByRole("columnheader")).toHaveText(["Aspect", "Side", "Self"]);
  await expectNoAxeViolations(page);
});

test.describe("someone else's report", () => {
  const unknown = "00000000-0000-4000-8000-000000000000";

  for (const role of ["rep", "admin"] as const) {
    test(`is a 404 for ${role === "rep" ? "a rep" : "an admin outside the tree"}, like any report of their own`, async ({ signedInAs }) => {
      const page = await signedInAs(role);
      expect((await page.goto("/report"))?.status()).toBe(404);
      expect((await page.goto(`/report/${unknown}/${unknown}`))?.status()).toBe(404);
    });
  }

  test("is a 404 for a cycle or person outside the viewer's tree", async ({ signedInAs }) => {
    const page = await signedInAs("director");
    expect((await page.goto(`/report/${unknown}`))?.status()).toBe(404);
    expect((await page.goto(`/report/${unknown}/${unknown}`))?.status()).toBe(404);
    expect((await page.goto("/report/not-a-cycle/not-a-person"))?.status()).toBe(404);
  });
});
