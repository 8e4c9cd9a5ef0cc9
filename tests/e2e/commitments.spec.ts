import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { commitments, cycles } from "@/db/schema";
import { LIBRARY_GROUPS } from "@/lib/commitments";
import { ACTIONS } from "@/lib/recommendations";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";
import { upcomingCycleDates } from "../support/days";
import { expect, expectNoAxeViolations, submitWith, test } from "./fixtures";
import { closeTheOpenCycle, LAPTOP, PHONE, signedIn } from "./support/closed-demo";

// The demo's latest cycle is open, and it opened after the report before it was out: every
// manager's commitments after that report are closed. Each test closes the open cycle on a
// copy of the demo, as an admin would, so the managers have a report to commit on.

const OWN_WORDS = "Ask one rep each week what they want to learn next, and help with one step.";

const section = (page: Page, heading: string) => page.getByRole("region", { name: heading });
const slot = (page: Page, position: number) => page.getByRole("group", { name: new RegExp(`^Commitment ${position}\\b`) });
const listed = (page: Page, heading: string) => section(page, heading).getByRole("list", { name: "Commitments" }).getByRole("listitem");

test("a manager commits on a phone and changes it on a laptop; their director reads it; the next cycle freezes it", async ({ browser }) => {
  test.setTimeout(180_000);
  const demo = await closeTheOpenCycle();
  const { manager, director, cycleName } = demo.setup;
  try {
    const app = await demo.serve();

    // On a phone: the first suggested action and one in the manager's own words.
    const phone = await signedIn(browser, app.url, manager, PHONE);
    await phone.goto("/report");
    const mine = section(phone, "Your commitments");
    await expect(phone.getByRole("heading", { level: 2 })).toContainText(["What to practise next", "Your commitments"]);
    await expect(mine.getByText("You have not committed to any actions yet.")).toBeVisible();
    await expect(mine.getByRole("heading", { name: "Choose your commitments" })).toBeVisible();
    await expectNoAxeViolations(phone);

    const firstAction = slot(phone, 1).getByLabel("Action", { exact: true });
    const suggestion = firstAction.locator('optgroup[label="Suggested for you"] option').first();
    const suggested = { id: (await suggestion.getAttribute("value"))!, text: (await suggestion.textContent())! };
    await expect(phone.getByRole("list", { name: "Development actions" })).toContainText(suggested.text);
    await firstAction.selectOption(suggested.id);
    // Picking an action sets its aspect and direction.
    await expect(slot(phone, 1).getByLabel("Aspect")).not.toHaveValue("");
    await expect(slot(phone, 1).getByLabel("Direction")).not.toHaveValue("");
    await expect(slot(phone, 1).getByLabel("Your own action")).toHaveCount(0);

    await slot(phone, 2).getByLabel("Action", { exact: true }).selectOption("Write my own");
    await slot(phone, 2).getByLabel("Your own action").fill(OWN_WORDS);
    await submitWith(mine.getByRole("button", { name: "Save commitments" }));
    // Without an aspect and a direction, own words are not saved.
    await expect(mine.getByRole("status").last()).toHaveText("Check your commitments.");
    await expect(slot(phone, 2).getByText("Choose the aspect it works on.")).toBeVisible();
    await expect(slot(phone, 2).getByLabel("Your own action")).toHaveValue(OWN_WORDS);
    await slot(phone, 2).getByLabel("Aspect").selectOption("Development");
    await slot(phone, 2).getByLabel("Direction").selectOption("More leading");
    await submitWith(mine.getByRole("button", { name: "Save commitments" }));
    await expect(mine.getByRole("status").last()).toHaveText(/^Saved: you have committed to 2 actions\./);
    await expect(listed(phone, "Your commitments")).toHaveText([
      new RegExp(`^1\\. ${escape(suggested.text)}`),
      new RegExp(`^2\\. ${escape(OWN_WORDS)}.*Development · More leading · in your own words`),
    ]);
    await expect(mine.getByRole("heading", { name: "Change your commitments" })).toBeVisible();
    // Everything in the section fits the phone's width, the long action texts of the selects included.
    const right = await mine.evaluate((element) => Math.max(...[element, ...element.querySelectorAll("*")].map((node) => node.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(phone);

    // On a laptop: a third from the library, for an aspect and a direction; then the own one comes off.
    const laptop = await signedIn(browser, app.url, manager, LAPTOP);
    await laptop.goto("/report");
    const again = section(laptop, "Your commitments");
    await expect(listed(laptop, "Your commitments")).toHaveCount(2);
    await expect(slot(laptop, 1).getByLabel("Action", { exact: true })).toHaveValue(suggested.id);
    await slot(laptop, 3).getByLabel("Aspect").selectOption("Conflict resolution");
    await slot(laptop, 3).getByLabel("Direction").selectOption("Build both");
    const narrowed = slot(laptop, 3).getByLabel("Action", { exact: true }).locator("optgroup");
    await expect(narrowed).toHaveCount(1);
    await expect(narrowed).toHaveAttribute("label", "Conflict resolution · Build both");
    const libraryPick = (await narrowed.locator("option").first().textContent())!;
    await slot(laptop, 3).getByLabel("Action", { exact: true }).selectOption({ label: libraryPick });
    await submitWith(again.getByRole("button", { name: "Save commitments" }));
    await expect(again.getByRole("status").last()).toHaveText(/^Saved: you have committed to 3 actions\./);
    await expect(listed(laptop, "Your commitments")).toHaveCount(3);
    await expect(listed(laptop, "Your commitments").nth(2)).toContainText("Conflict resolution · Build both");

    await submitWith(again.getByRole("button", { name: `Remove “${OWN_WORDS}”` }));
    await expect(again.getByRole("status").first()).toHaveText("Removed. You are committed to 2 actions.");
    await expect(listed(laptop, "Your commitments")).toHaveText([new RegExp(`^1\\. ${escape(suggested.text)}`), new RegExp(`^2\\. ${escape(libraryPick)}`)]);
    await expectNoAxeViolations(laptop);

    // The director reads them on the manager's report, and cannot change them.
    const above = await signedIn(browser, app.url, director, LAPTOP);
    await above.goto(`/report/${demo.setup.cycleId}/${demo.setup.managerId}`);
    const theirs = section(above, `${manager}'s commitments`);
    await expect(listed(above, `${manager}'s commitments`)).toHaveText([
      new RegExp(`^1\\. ${escape(suggested.text)}`),
      new RegExp(`^2\\. ${escape(libraryPick)}`),
    ]);
    await expect(theirs).toContainText(`${manager} can change them until the next cycle opens.`);
    await expect(theirs.getByRole("button")).toHaveCount(0);
    await expect(theirs.getByRole("combobox")).toHaveCount(0);
    await expectNoAxeViolations(above);
    await Promise.all([phone, laptop, above].map((page) => page.context().close()));
    await demo.stop();

    // The next cycle opens: the list is frozen, read-only, and says when.
    const next = "Commitments follow-up";
    await demo.inspect(async (db) => {
      const [draft] = await db
        .insert(cycles)
        .values({ name: next, ...upcomingCycleDates() })
        .returning({ id: cycles.id });
      await db.transaction(async (tx) => {
        await takeSnapshot(tx, draft!.id);
        await markOpen(tx, draft!.id);
      });
      // The demo's own commitments of earlier cycles were frozen long ago; these two are the manager's.
      const frozen = await db
        .select({ frozenIn: commitments.frozenInCycleId })
        .from(commitments)
        .where(and(eq(commitments.managerId, demo.setup.managerId), eq(commitments.cycleId, demo.setup.cycleId)));
      expect(frozen).toEqual([{ frozenIn: draft!.id }, { frozenIn: draft!.id }]);
    });
    const reopened = await demo.serve();
    const later = await signedIn(browser, reopened.url, manager, PHONE);
    await later.goto(`/report/${demo.setup.cycleId}`);
    const frozen = section(later, "Your commitments");
    await expect(frozen).toContainText(new RegExp(`Frozen when ${next} opened, on \\d+ \\w+ \\d{4}\\.`));
    await expect(listed(later, "Your commitments")).toHaveCount(2);
    await expect(frozen.getByRole("button")).toHaveCount(0);
    await expect(frozen.getByRole("combobox")).toHaveCount(0);
    await expect(later.getByRole("heading", { level: 1 })).toContainText(cycleName);
    await expectNoAxeViolations(later);
    await later.context().close();
  } finally {
    await demo.dispose();
  }
});

test("without JavaScript, a manager commits and gets a whole page back, what they typed kept on a refusal", async ({ browser }) => {
  test.setTimeout(120_000);
  const demo = await closeTheOpenCycle();
  try {
    const app = await demo.serve();
    const page = await signedIn(browser, app.url, demo.setup.manager, PHONE, false);
    await page.goto("/report");
    const mine = section(page, "Your commitments");
    // Nothing narrows without scripts: every row shows its words field, and every group of the library.
    await expect(slot(page, 1).getByLabel("Your own action")).toBeVisible();
    await expect(slot(page, 1).getByLabel("Action", { exact: true }).locator("optgroup")).toHaveCount(LIBRARY_GROUPS.length + 1);

    // A library action under an aspect it is not filed under is refused, and the row comes back as it was.
    await slot(page, 1).getByLabel("Aspect").selectOption("Focus");
    await slot(page, 1).getByLabel("Action", { exact: true }).selectOption({ label: ACTIONS.focus.more_leading[1]!.text });
    await slot(page, 1).getByLabel("Direction").selectOption("More managing");
    await slot(page, 2).getByLabel("Your own action").fill(OWN_WORDS);
    await slot(page, 2).getByLabel("Aspect").selectOption("Motivation");
    await slot(page, 2).getByLabel("Direction").selectOption("More leading");
    await mine.getByRole("button", { name: "Save commitments" }).click();
    await expect(page).toHaveTitle(/· Fulcrum$/);
    await expect(slot(page, 1).getByText(/^That action is for Focus · More leading, not Focus · More managing\./)).toBeVisible();
    await expect(slot(page, 2).getByLabel("Your own action")).toHaveValue(OWN_WORDS);

    await slot(page, 1).getByLabel("Direction").selectOption("More leading");
    await mine.getByRole("button", { name: "Save commitments" }).click();
    await expect(page).toHaveTitle(/· Fulcrum$/);
    await expect(section(page, "Your commitments").getByRole("status").last()).toHaveText(/^Saved: you have committed to 2 actions\./);
    await expect(listed(page, "Your commitments")).toHaveCount(2);
    await expect(listed(page, "Your commitments").nth(1)).toContainText("Motivation · More leading · in your own words");

    await mine.getByRole("button", { name: `Remove “${OWN_WORDS}”` }).click();
    await expect(page).toHaveTitle(/· Fulcrum$/);
    await expect(listed(page, "Your commitments")).toHaveCount(1);
    await page.context().close();
  } finally {
    await demo.dispose();
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
