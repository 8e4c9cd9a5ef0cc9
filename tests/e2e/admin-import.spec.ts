import { stringify } from "csv-stringify/sync";
import { ADMIN, DEMO_TEAMS, DIRECTORS, VP, demoEmail } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, test, submitWith } from "./fixtures";

/**
 * The demo organisation exactly as the seed builds it. Other tests run against the same
 * server at the same time, so the applied file keeps every demo person where they are,
 * with their admin flag, and only adds one newcomer at the top of the tree.
 */
function demoOrg() {
  const rows: [name: string, manager: string | null, admin: boolean][] = [
    [VP, null, false],
    [ADMIN, VP, true],
    ...DIRECTORS.map((name): [string, string, boolean] => [name, VP, false]),
  ];
  for (const team of DEMO_TEAMS) {
    rows.push([team.manager, team.reportsTo, false]);
    for (const rep of team.reps) rows.push([rep, team.manager, false]);
  }
  return rows.map(([name, manager, admin]) => ({
    email: demoEmail(name),
    name,
    manager_email: manager ? demoEmail(manager) : "",
    admin: admin ? "yes" : "no",
  }));
}

const NEWCOMER = { email: "quinn.newcomer@northwind.example", name: "Quinn Newcomer", admin: "no" };
const NEWCOMER_PASSWORD = "copper meadow signal 7";
const csvFile = (rows: Record<string, string>[]) => ({
  name: "org-chart.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(stringify(rows, { header: true, columns: ["email", "name", "manager_email", "admin"] })),
});

test("an admin imports the org chart, fixes an error, applies it, and invites the newcomer, who signs in", async ({ signedInAs, browser }) => {
  const org = demoOrg();
  const page = await signedInAs("admin");
  await page.getByRole("link", { name: "Import the org chart" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import the org chart" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The newcomer's manager is not in the file: the header is line 1, so their row is line org.length + 2.
  const file = page.getByLabel(/CSV file/);
  await file.setInputFiles(csvFile([...org, { ...NEWCOMER, manager_email: "nobody@northwind.example" }]));
  await submitWith(page.getByRole("button", { name: "Preview" }));
  await expect(page.getByRole("status")).toHaveText(/The file has 1 error\./);
  const errors = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Problem" }) });
  const errorRow = errors.getByRole("row").filter({ hasText: "Unknown manager nobody@northwind.example" });
  await expect(errorRow.getByRole("cell").first()).toHaveText(String(org.length + 2));
  await expect(page.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Fixed: the newcomer starts at the top of the tree.
  await file.setInputFiles(csvFile([...org, { ...NEWCOMER, manager_email: "" }]));
  await submitWith(page.getByRole("button", { name: "Preview" }));
  await expect(page.getByRole("status")).toHaveText("Preview ready: 1 person to add, 0 to update, 0 to move and 0 to deactivate. Nothing has changed yet.");
  const added = page.getByRole("region", { name: /To add/ });
  await expect(added.getByRole("rowheader", { name: NEWCOMER.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "To deactivate" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await submitWith(page.getByRole("button", { name: "Apply these changes" }));
  await expect(page.getByRole("status")).toHaveText("Imported: 1 person added, 0 updated, 0 moved and 0 deactivated.");
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeFocused();
  await expectNoAxeViolations(page);

  // The same file again changes nothing.
  await submitWith(page.getByRole("button", { name: "Preview" }));
  await expect(page.getByRole("status")).toHaveText("Nothing to change: the organisation already matches this file.");
  await expect(page.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);

  await page.goto(`/admin/people?q=${encodeURIComponent(NEWCOMER.name)}`);
  await expect(page.getByRole("row").filter({ hasText: NEWCOMER.email })).toContainText("Active, no password yet");

  // The newcomer gets a one-time link, opens it in a browser of their own, and signs in.
  await page.getByRole("link", { name: NEWCOMER.name }).click();
  await submitWith(page.getByRole("button", { name: "Create an invitation link" }));
  const link = await page.getByRole("textbox", { name: "Sign-in link" }).inputValue();
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("New password").fill(NEWCOMER_PASSWORD);
  await newcomer.getByLabel("Type it again").fill(NEWCOMER_PASSWORD);
  await submitWith(newcomer.getByRole("button", { name: "Set password" }));
  await expect(newcomer.getByText("Your password is set.")).toBeVisible();
  await newcomer.getByLabel("Work email").fill(NEWCOMER.email);
  await newcomer.getByLabel("Password").fill(NEWCOMER_PASSWORD);
  await submitWith(newcomer.getByRole("button", { name: "Sign in" }));
  await expect(newcomer.getByRole("heading", { name: `Welcome, ${NEWCOMER.name.split(" ")[0]}` })).toBeVisible();
  await newcomerContext.close();
});

test("people who are not admins cannot reach the import page", async ({ signedInAs }) => {
  const page = await signedInAs("director");
  const response = await page.goto("/admin/people/import");
  expect(response?.status()).toBe(404);
});
