import { DEMO_TEAMS, demoEmail } from "@/db/seed/demo-org";
import { expect, expectNoAxeViolations, test, submitWith } from "./fixtures";

// Nobody else in the end-to-end suite signs in as this person, so resetting them is safe.
const invitee = DEMO_TEAMS[6]!.reps[1]!;
const NEW_PASSWORD = "amber kettle orbit 2026";

test("an admin sends a sign-in link, and the person sets a password and signs in", async ({ signedInAs, browser }) => {
  const page = await signedInAs("admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Search by name or email").fill(invitee.split(" ")[1]!);
  await submitWith(page.getByRole("button", { name: "Search" }));
  await page.getByRole("link", { name: invitee }).click();
  await expect(page.getByRole("heading", { level: 1, name: invitee })).toBeVisible();
  await expectNoAxeViolations(page);

  await submitWith(page.getByRole("button", { name: "Create a password reset link" }));
  const link = await page.getByRole("textbox", { name: "Sign-in link" }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const fresh = await browser.newContext();
  const newcomer = await fresh.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expectNoAxeViolations(newcomer);
  await newcomer.getByLabel("New password").fill("password1234");
  await newcomer.getByLabel("Type it again").fill("password1234");
  await submitWith(newcomer.getByRole("button", { name: "Set password" }));
  await expect(newcomer.getByText("on a list of commonly used passwords")).toBeVisible();
  await newcomer.getByLabel("New password").fill(NEW_PASSWORD);
  await newcomer.getByLabel("Type it again").fill(NEW_PASSWORD);
  await submitWith(newcomer.getByRole("button", { name: "Set password" }));
  await expect(newcomer.getByText("Your password is set.")).toBeVisible();
  await newcomer.getByLabel("Work email").fill(demoEmail(invitee));
  await newcomer.getByLabel("Password").fill(NEW_PASSWORD);
  await submitWith(newcomer.getByRole("button", { name: "Sign in" }));
  await expect(newcomer.getByRole("heading", { name: `Welcome, ${invitee.split(" ")[0]}` })).toBeVisible();

  // The link worked once; it does not work again.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByText("This link has expired or has already been used.")).toBeVisible();
  await fresh.close();

  await page.goto("/admin/audit?action=invitation.create");
  await expect(page.getByRole("table", { name: "Audit log entries" }).getByText(invitee)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the thresholds page refuses k below 3 and saves nothing", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  await page.goto("/admin/settings");
  await expectNoAxeViolations(page);
  await page.getByLabel("Minimum raters (k)").fill("2");
  await submitWith(page.getByRole("button", { name: "Save thresholds" }));
  await expect(page.getByText(/At least 3/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Minimum raters (k)")).toHaveValue("3");
});
