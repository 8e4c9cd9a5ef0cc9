import type { Page } from "@playwright/test";
import { DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, signIn, test, submitWith } from "./fixtures";

// The first rep of every demo team has not answered the open cycle yet.
const repOf = (teamIndex: number) => ({ email: demoEmail(DEMO_TEAMS[teamIndex]!.reps[0]!), manager: DEMO_TEAMS[teamIndex]!.manager });

async function openSurvey(page: Page, manager: string) {
  await page.getByRole("link", { name: `Rate ${manager}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rate ${manager}` })).toBeVisible();
}

test("a rep completes the survey with the keyboard alone, and it is then done", async ({ page }) => {
  const { email, manager } = repOf(0);
  await signIn(page, email);
  await openSurvey(page, manager);
  await expect(page.getByText("0 of 7 aspects")).toBeVisible();
  await expectNoAxeViolations(page);

  // Walk the form with Tab: choose the focused option of every radio group with Space,
  // type a comment, and submit with Enter.
  await page.locator("h1").click();
  let submitted = false;
  for (let step = 0; step < 200 && !submitted; step++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return { tag: element?.tagName, type: element?.type, text: element?.textContent ?? "" };
    });
    if (focused.type === "radio") await page.keyboard.press("ArrowRight");
    if (focused.tag === "TEXTAREA") await page.keyboard.type("Weekly one-to-ones help me a lot.");
    if (focused.tag === "BUTTON" && focused.text.includes("Submit my answers")) {
      await expect(page.getByText("7 of 7 aspects")).toBeVisible();
      await page.keyboard.press("Enter");
      submitted = true;
    }
  }
  expect(submitted).toBe(true);

  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await expect(page.getByText(`Your answers about ${manager}`)).toBeVisible();
  await expect(page.getByText("Weekly one-to-ones")).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Back to your assessments" }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Rate ${manager}` })
      .getByText("Done"),
  ).toBeVisible();
  await openSurvey(page, manager);
  await expect(page.getByText(`You have already rated ${manager} in`)).toBeVisible();
});

test("a half-finished survey survives a reload, in this browser only, its follow-through part included", async ({ page }) => {
  const { email, manager } = repOf(4);
  await signIn(page, email);
  await openSurvey(page, manager);
  const focus = page.getByRole("region", { name: "1. Focus" });
  const item = (name: string) => focus.locator(`fieldset:has(input[name="aspects.focus.${name}"])`);
  await item("management").getByRole("radio", { name: "4 · Often" }).check();
  await item("leadership").getByRole("radio", { name: "Can't say" }).check();
  await item("need").getByRole("radio").nth(3).check();
  // This team's manager committed to an action after the last closed cycle (the demo's
  // DEMO_COMMITMENTS), so the survey has one more part: did the rep see it practised?
  await expect(page.getByText("1 of 8 parts")).toBeVisible();
  const followThrough = page.getByRole("region", { name: `8. What ${manager.split(" ")[0]} set out to practise` });
  await followThrough.getByRole("radio", { name: "4 · Often" }).check();
  await expect(page.getByText("2 of 8 parts")).toBeVisible();
  await page.getByLabel(/Anything else/).fill("Draft comment");

  await page.reload();
  await expect(page.getByText("2 of 8 parts")).toBeVisible();
  await expect(followThrough.getByRole("radio", { name: "4 · Often" })).toBeChecked();
  await expect(item("management").getByRole("radio", { name: "4 · Often" })).toBeChecked();
  await expect(item("leadership").getByRole("radio", { name: "Can't say" })).toBeChecked();
  await expect(page.getByLabel(/Anything else/)).toHaveValue("Draft comment");
});

test("submitting with items missing names them and writes nothing", async ({ page }) => {
  const { email, manager } = repOf(5);
  await signIn(page, email);
  await openSurvey(page, manager);
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect(page.getByRole("alert").filter({ hasText: "Some answers are missing" })).toBeVisible();
  await expect(page.getByText("Choose an answer, or “Can't say”.").first()).toBeVisible();
  await page.goto("/");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Rate ${manager}` })
      .getByText("Not done yet"),
  ).toBeVisible();
});

test("the survey fits a 375 px phone without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const { email, manager } = repOf(6);
  await signIn(page, email);
  await openSurvey(page, manager);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
