import type { Page } from "@playwright/test";
import { orderedAspects } from "@/lib/instrument";
import { fieldName } from "@/lib/survey/fields";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, signIn, test, submitWith } from "./fixtures";
import { PHONE } from "./support/closed-demo";

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
  // The first question left open takes the focus, so the next key press answers it.
  await expect(page.getByRole("group", { name: orderedAspects()[0]!.management.statement }).getByRole("radio").first()).toBeFocused();
  await page.goto("/");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Rate ${manager}` })
      .getByText("Not done yet"),
  ).toBeVisible();
});

/** The survey's groups on screen, each with the tops of its answers' buttons: one top means one line. */
const visibleScales = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("fieldset")]
      .filter((group) => group.offsetParent !== null)
      .map((group) => ({
        name: group.querySelector("input")!.name,
        tops: [...new Set([...group.querySelectorAll("label:has(input[type=radio])")].map((label) => Math.round(label.getBoundingClientRect().top)))],
      })),
  );

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("on a phone the survey shows one aspect per screen, each scale on one line, and a gap is brought back into view", async ({ browser }) => {
  const { email, manager } = repOf(6);
  const aspects = orderedAspects();
  const region = (page: Page, index: number) => page.getByRole("region", { name: `${index + 1}. ${aspects[index]!.name}` });

  // Without JavaScript there are no screens: the whole survey is one page that posts as it is.
  const plain = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage();
  await plain.goto("/login");
  await plain.getByLabel("Work email").fill(email);
  await plain.getByLabel("Password").fill(DEMO_PASSWORD);
  await plain.getByRole("button", { name: "Sign in" }).click();
  await openSurvey(plain, manager);
  for (const index of aspects.keys()) await expect(region(plain, index)).toBeVisible();
  await expect(plain.getByRole("button", { name: "Next", exact: true })).toHaveCount(0);
  await expect(plain.getByRole("button", { name: "Submit my answers" })).toBeVisible();
  await plain.context().close();

  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, email);
  await openSurvey(page, manager);
  await expect(page.getByText(`Aspect 1 of ${aspects.length}`)).toBeVisible();
  await expect(region(page, 0)).toBeVisible();
  await expect(region(page, 1)).toBeHidden();
  await expect(page.getByText("Your answers are saved on this device")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit my answers" })).toBeHidden();
  for (const width of [360, 414, PHONE.width]) {
    await page.setViewportSize({ ...PHONE, width });
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const scales = await visibleScales(page);
    expect(scales).toHaveLength(3);
    for (const scale of scales) expect(scale.tops, scale.name).toHaveLength(1);
  }
  await expectNoAxeViolations(page);
  // Each radio says what it means, whatever its button shows.
  await expect(region(page, 0).getByRole("radio", { name: "4 · Often" }).first()).toBeAttached();
  await expect(region(page, 0).getByRole("radio", { name: aspects[0]!.need.answers[-2] })).toBeAttached();

  // Every screen answered but the need item of the third; Previous goes back with the answers kept.
  const skipped = fieldName(aspects[2]!.key, "need");
  for (const index of aspects.keys()) {
    for (const group of await region(page, index).locator("fieldset").all()) {
      if ((await group.locator("input").first().getAttribute("name")) !== skipped) await group.getByRole("radio").nth(2).check();
    }
    if (index === 1) {
      await page.getByRole("button", { name: "Previous" }).click();
      await expect(page.getByText(`Aspect 1 of ${aspects.length}`)).toBeVisible();
      await expect(region(page, 0).getByRole("radio", { name: "3 · Sometimes" }).first()).toBeChecked();
      await page.getByRole("button", { name: "Next", exact: true }).click();
    }
    if (index < aspects.length - 1) {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expect(page.getByText(`Aspect ${index + 2} of ${aspects.length}`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: `${index + 2}. ${aspects[index + 1]!.name}` })).toBeFocused();
    }
  }
  await expect(page.getByLabel(/Anything else/)).toBeVisible();
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect(page.getByRole("alert").filter({ hasText: "Some answers are missing" })).toBeVisible();
  await expect(page.getByText(`Aspect 3 of ${aspects.length}`)).toBeVisible();
  const missing = page.getByRole("group", { name: aspects[2]!.need.question });
  await expect(missing.getByRole("radio").first()).toBeFocused();
  await expect(missing.getByText("Choose an answer, or “Can't say”.")).toBeVisible();

  await missing.getByRole("radio", { name: aspects[2]!.need.answers[0] }).check();
  for (let index = 2; index < aspects.length - 1; index++) await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText(`${aspects.length} of ${aspects.length} aspects`)).toBeVisible();
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await context.close();
});
