import { expect, expectNoAxeViolations, test, submitWith } from "./fixtures";
import { daysFromToday } from "../support/days";

test("an admin sees every cycle with its response counts and creates a draft", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Cycles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cycles" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const inState = (state: string) => rows.filter({ has: page.getByRole("cell", { name: state, exact: true }) });
  await expect(inState("open")).toHaveCount(1);
  await expect(inState("closed")).toHaveCount(3);
  await expectNoAxeViolations(page);

  await page.getByLabel("Name").first().fill("Planning cycle");
  await page.getByLabel("Opens on").first().fill(daysFromToday(60));
  await page.getByLabel("Closes on").first().fill(daysFromToday(45));
  await submitWith(page.getByRole("button", { name: "Create draft" }));
  await expect(page.getByText("The close date must come after the open date.")).toBeVisible();

  await page.getByLabel("Closes on").first().fill(daysFromToday(85));
  await submitWith(page.getByRole("button", { name: "Create draft" }));
  await expect(page.getByText("Draft “Planning cycle” created.")).toBeVisible();
  const draft = rows.filter({ hasText: "Planning cycle" });
  await expect(draft.getByText("draft", { exact: true })).toBeVisible();
  await expect(draft.getByRole("button", { name: "Open Planning cycle" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("people who are not admins cannot reach the cycles page", async ({ signedInAs }) => {
  const page = await signedInAs("vp");
  const response = await page.goto("/admin/cycles");
  expect(response?.status()).toBe(404);
});

test("How scores work explains the poles, the formulas and the thresholds in force", async ({ signedInAs }) => {
  const page = await signedInAs("manager");
  await page.goto("/how-scores-work");
  await expect(page.getByRole("heading", { level: 1, name: "How scores work" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Decision-making" })).toBeVisible();
  await expect(page.getByText(/at least\s+3\s+people answered/)).toBeVisible();
  await expectNoAxeViolations(page);
});
