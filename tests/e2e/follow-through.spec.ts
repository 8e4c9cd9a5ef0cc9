import type { Page } from "@playwright/test";
import { libraryEntry } from "@/lib/commitments";
import { seenWord } from "@/lib/follow-through";
import { ADMIN, DEMO_TEAMS } from "@/server/internal/seed/demo-org";
import { daysFromToday } from "../support/days";
import { expect, expectNoAxeViolations, submitWith, test } from "./fixtures";
import { closeTheOpenCycle, LAPTOP, PHONE, signedIn } from "./support/closed-demo";

// Closing the loop in a real browser: a manager commits after their report, the admin opens
// the next cycle, the reps see and answer the extra item, the cycle closes, and the manager's
// report and the director's teams page show how often the team saw the action practised.

const NEXT = "Follow-through check";
/** What the reps answer on the extra item: enough of them for k = 3, so it is shown. */
const SEEN = ["4 · Often", "5 · Always", "4 · Often"];

const section = (page: Page, heading: string) => page.getByRole("region", { name: heading });

async function adminTransition(page: Page, button: string, confirm: string) {
  await page.goto("/admin/cycles");
  await page.getByRole("button", { name: `${button} ${NEXT}` }).click();
  await submitWith(page.getByRole("button", { name: confirm }));
}

test("a manager commits, the next cycle asks the team, and the report and the teams page show what they saw", async ({ browser }) => {
  test.setTimeout(240_000);
  const demo = await closeTheOpenCycle();
  const { manager, cycleName } = demo.setup;
  const firstName = manager.split(" ")[0]!;
  const reps = DEMO_TEAMS.find((team) => team.manager === manager)!.reps.slice(0, SEEN.length);
  try {
    const app = await demo.serve();

    // 1. The manager commits to the first suggested action.
    const own = await signedIn(browser, app.url, manager, LAPTOP);
    await own.goto("/report");
    const action = own.getByRole("group", { name: /^Commitment 1\b/ }).getByLabel("Action", { exact: true });
    const actionId = (await action.locator('optgroup[label="Suggested for you"] option').first().getAttribute("value"))!;
    const entry = libraryEntry(actionId)!;
    await action.selectOption(actionId);
    await submitWith(section(own, "Your commitments").getByRole("button", { name: "Save commitments" }));
    await expect(section(own, "Your commitments").getByRole("status").last()).toHaveText(/^Saved: you have committed to 1 action\./);

    // 2. The admin opens the next cycle, which freezes the commitment.
    const admin = await signedIn(browser, app.url, ADMIN, LAPTOP);
    await admin.goto("/admin/cycles");
    await admin.getByLabel("Name").first().fill(NEXT);
    await admin.getByLabel("Opens on").first().fill(daysFromToday(0));
    await admin.getByLabel("Closes on").first().fill(daysFromToday(14));
    await submitWith(admin.getByRole("button", { name: "Create draft" }));
    await expect(admin.getByText(`Draft “${NEXT}” created.`)).toBeVisible();
    await adminTransition(admin, "Open", "Yes, open it");
    await expect(admin.getByRole("table").getByRole("row").filter({ hasText: NEXT }).getByText("open", { exact: true })).toBeVisible();

    // 3. Each rep sees the extra item, in the words of the action, and answers it; the first on a phone.
    const question = `Since ${cycleName}, how often have you seen ${firstName} ${entry.action.seen}?`;
    for (const [index, rep] of reps.entries()) {
      const page = await signedIn(browser, app.url, rep, index === 0 ? PHONE : LAPTOP);
      await page.getByRole("link", { name: `Rate ${manager}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Rate ${manager}` })).toBeVisible();
      const extra = page.getByRole("region", { name: `8. What ${firstName} set out to practise` });
      await expect(page.getByText("0 of 8 parts")).toBeVisible();
      if (index === 0) {
        // A phone shows one part per screen, the extra item last: the rep steps through them.
        await expect(page.getByText("Part 1 of 8")).toBeVisible();
        await expectNoAxeViolations(page);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide).toBeLessThanOrEqual(PHONE.width);
        for (let part = 1; part < 8; part++) {
          for (const group of await page.locator("section fieldset:visible").all()) await group.getByRole("radio").nth(2).check();
          await page.getByRole("button", { name: "Next", exact: true }).click();
        }
        await expect(page.getByText("Part 8 of 8")).toBeVisible();
      } else {
        for (const group of await page.locator("section fieldset").all()) await group.getByRole("radio").nth(2).check();
      }
      await expect(extra.getByRole("group", { name: question })).toBeVisible();
      await extra.getByRole("group", { name: question }).getByRole("radio", { name: SEEN[index]! }).check();
      await expect(page.getByText("8 of 8 parts")).toBeVisible();
      await page.getByRole("button", { name: "Submit my answers" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
      await page.context().close();
    }

    // 4. The admin closes the cycle.
    await adminTransition(admin, "Close", "Yes, close it");
    await expect(admin.getByRole("table").getByRole("row").filter({ hasText: NEXT }).getByText("closed", { exact: true })).toBeVisible();

    // 5. The manager's report for it shows how often the team saw the action, with the numbers on demand.
    await own.goto("/report");
    await expect(own.getByRole("heading", { level: 1 })).toContainText(NEXT);
    const followThrough = section(own, "Follow-through");
    await expect(followThrough).toContainText(`After ${cycleName} you committed to one action.`);
    await expect(followThrough.getByRole("listitem").first()).toContainText(entry.action.text);
    await expect(followThrough).toContainText(`Your team saw it ${seenWord(13 / 3)} (4.3 of 5).`);
    await followThrough.getByText("Numbers").click();
    await expect(followThrough).toContainText("Seen 4.3 (n 3, SD 0.6,");
    await expect(followThrough).toContainText(new RegExp(`since ${cycleName}: [+−]?\\d\\.\\d, (a clear (rise|fall)|no clear change)`));
    await expectNoAxeViolations(own);

    // 6. The director sees it on the teams page, and the filter for teams with no commitment leaves the team out.
    const director = await signedIn(browser, app.url, demo.setup.director, LAPTOP);
    await director.goto("/teams");
    const table = director.getByRole("table", { name: new RegExp(`each team in ${NEXT}`) });
    const row = table.getByRole("row", { name: new RegExp(manager) });
    await expect(row.getByRole("cell").last()).toContainText(`1 commitment, seen practised ${seenWord(13 / 3)}: 4.3 of 5 (n 3).`);
    await expect(row.getByRole("cell").last()).toContainText("1 · seen 4.3");
    await director.getByRole("checkbox", { name: "with no commitment" }).check();
    await expect(row).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: "none" }).first()).toBeVisible();
    await expectNoAxeViolations(director);
    await Promise.all([own, admin, director].map((page) => page.context().close()));
  } finally {
    await demo.dispose();
  }
});
