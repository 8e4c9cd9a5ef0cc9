import type { Locator, Page } from "@playwright/test";
import { DEMO_TEAMS } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, test } from "./fixtures";

async function openOwnReport(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${DEMO_TEAMS[0]!.manager}: Q\\d \\d{4}$`));
}

const takeaways = (page: Page) => page.getByRole("region", { name: "Key takeaways" });

/** What an item says before its numbers are opened: everything but the disclosure. */
const sentenceOf = (item: Locator) =>
  item.evaluate((element) =>
    [...element.childNodes]
      .filter((node) => node.nodeName !== "DETAILS")
      .map((node) => node.textContent)
      .join("")
      .trim(),
  );

const SCREENS = [
  { name: "a phone", viewport: { width: 390, height: 844 } },
  { name: "a laptop", viewport: { width: 1366, height: 768 } },
];

for (const { name, viewport } of SCREENS) {
  test.describe(`the key takeaways on ${name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test("fit the first screen, in plain words, with the numbers on demand and the focus linked to its action", async ({ signedInAs }) => {
      const page = await signedInAs("manager");
      await openOwnReport(page);
      const block = takeaways(page);
      await expect(block).toBeVisible();
      await expect(block.getByRole("heading", { level: 2 })).toHaveText("Key takeaways");

      // The whole block is on the first screen, before any scrolling.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const box = await block.boundingBox();
      expect(box!.y).toBeGreaterThan(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);

      const items = block.getByRole("listitem");
      const count = await items.count();
      expect(count).toBeGreaterThanOrEqual(4);
      expect(count).toBeLessThanOrEqual(5);
      await expect(items.first()).toContainText(/^Your team sees you /);

      // Sentences carry no numbers; the focus quotes its action in the library's own words.
      const focus = items.filter({ has: page.getByRole("link") });
      await expect(focus).toHaveCount(1);
      await expect(focus).toContainText(/^Your suggested focus: /);
      await expect(focus.getByRole("link", { name: "See this action" })).toHaveAttribute("href", /^#action-[a-z_]+\.[a-z_]+\.[a-z0-9-]+$/);
      for (const item of await items.all()) {
        if ((await item.getByRole("link").count()) > 0) continue;
        expect(await sentenceOf(item)).not.toMatch(/\d/);
      }

      // Each item's numbers are closed until asked for, and then show the figures.
      const overallNumbers = items.first().locator("details");
      await expect(overallNumbers.getByText(/^Overall balance B [+−]?\d\.\d\d, the mean of \d of 7 aspects/)).toBeHidden();
      await overallNumbers.locator("summary").click();
      await expect(overallNumbers.getByText(/^Overall balance B [+−]?\d\.\d\d, the mean of \d of 7 aspects; versatility \d\.\d of 5; /)).toBeVisible();
      const strengthNumbers = items.nth(1).locator("details");
      await strengthNumbers.locator("summary").click();
      await expect(strengthNumbers.getByText(/^(Managing|Leading) on [A-Z][a-z -]+: \d\.\d \(n \d+, SD \d\.\d, /)).toBeVisible();

      await expectNoAxeViolations(page);
    });
  });
}
