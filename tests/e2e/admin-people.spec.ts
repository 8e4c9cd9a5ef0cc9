import type { Page } from "@playwright/test";
import { ADMIN, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { startSmtpServer } from "../support/smtp";
import { expect, expectNoAxeViolations, signIn, test, submitWith } from "./fixtures";
import { ownDemo } from "./support/demo-server";

// Nobody else in the end-to-end suite signs in as this person.
const invitee = DEMO_TEAMS[6]!.reps[1]!;
const NEW_PASSWORD = "amber kettle orbit 2026";

/** The link in an email, pointed at this test's server: links carry the configured public address. */
const onServer = (link: string, serverUrl: string) => link.replace(PUBLIC_URL, serverUrl);
const PUBLIC_URL = "https://fulcrum.example";

async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await submitWith(page.getByRole("button", { name: "Set password" }));
  await expect(page.getByText("Your password is set.")).toBeVisible();
}

test("with email on, sign-in links reach only their person, who is told who set their password", async ({ browser }) => {
  test.setTimeout(180_000);
  const demo = await ownDemo(async () => ({}));
  const smtp = await startSmtpServer();
  try {
    const app = await demo.serve({ SMTP_URL: smtp.url, FULCRUM_PUBLIC_URL: PUBLIC_URL });
    const context = () => browser.newContext({ baseURL: app.url });

    // The admin sends a reset link to someone who has a password: it is emailed, never shown.
    const admin = await (await context()).newPage();
    await signIn(admin, demoEmail(ADMIN));
    await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();
    await admin.goto("/admin/people");
    await admin.getByLabel("Search by name or email").fill(invitee.split(" ")[1]!);
    await submitWith(admin.getByRole("button", { name: "Search" }));
    await admin.getByRole("link", { name: invitee }).click();
    await expect(admin.getByRole("heading", { level: 1, name: invitee })).toBeVisible();
    await submitWith(admin.getByRole("button", { name: "Email a password reset link" }));
    await expect(admin.getByText(`Link emailed to ${demoEmail(invitee)}.`)).toBeVisible();
    await expect(admin.getByRole("textbox", { name: "Sign-in link" })).toHaveCount(0);
    expect(await admin.content()).not.toContain("/invite/");
    await expectNoAxeViolations(admin);

    await expect.poll(() => smtp.to(demoEmail(invitee)).length).toBe(1);
    const person = await (await context()).newPage();
    await setPassword(person, onServer(smtp.linkIn(smtp.to(demoEmail(invitee))[0]!), app.url), NEW_PASSWORD);
    await signIn(person, demoEmail(invitee), NEW_PASSWORD);
    await expect(person.getByRole("heading", { name: `Welcome, ${invitee.split(" ")[0]}` })).toBeVisible();
    await expect(person.getByRole("note")).toContainText(`through a link that ${ADMIN} (an administrator) sent you`);
    await expectNoAxeViolations(person);

    // "Forgot password?": the same answer for an unknown address, and one email, to the person.
    const forgetful = await (await context()).newPage();
    await forgetful.goto("/login");
    await forgetful.getByRole("link", { name: "Forgot password?" }).click();
    await expect(forgetful.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await expectNoAxeViolations(forgetful);
    const answers: string[] = [];
    for (const email of ["nobody.here@example.com", demoEmail(invitee)]) {
      await forgetful.getByLabel("Work email").fill(email);
      await submitWith(forgetful.getByRole("button", { name: "Email me a link" }));
      await expect(forgetful.getByRole("status")).toContainText("If an active Fulcrum account uses that address");
      answers.push((await forgetful.getByRole("status").textContent()) ?? "");
      await forgetful.reload();
    }
    expect(answers[1]).toBe(answers[0]);
    await expect.poll(() => smtp.to(demoEmail(invitee)).length).toBe(2);
    expect(smtp.to("nobody.here@example.com")).toEqual([]);
    await setPassword(forgetful, onServer(smtp.linkIn(smtp.to(demoEmail(invitee))[1]!), app.url), `${NEW_PASSWORD} again`);
    await signIn(forgetful, demoEmail(invitee), `${NEW_PASSWORD} again`);
    await expect(forgetful.getByRole("note")).toContainText("through a link you asked for on the sign-in page");

    // The audit log names whom each link was for.
    const subject = `${invitee} (${demoEmail(invitee)})`;
    await admin.goto("/admin/audit?action=invitation.create");
    await expect(admin.getByRole("table", { name: "Audit log entries" }).getByRole("cell", { name: subject })).toBeVisible();
    await admin.goto("/admin/audit?action=password.reset_request");
    // Asked for by the person themselves: they are both who acted and whom it was for.
    const request = admin.getByRole("table", { name: "Audit log entries" }).getByRole("row").filter({ hasText: "asked for a password reset link" });
    await expect(request.getByRole("cell", { name: subject })).toBeVisible();
    await expect(request).toContainText(`${subject} asked for a password reset link on the sign-in page`);
    await expectNoAxeViolations(admin);
  } finally {
    await demo.dispose();
    await smtp.close();
  }
});

test("without email, an admin gets no link for an account that has a password, and is told why", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Search by name or email").fill(invitee.split(" ")[1]!);
  await submitWith(page.getByRole("button", { name: "Search" }));
  await page.getByRole("link", { name: invitee }).click();
  await expect(page.getByRole("heading", { level: 1, name: invitee })).toBeVisible();
  await expect(page.getByText(`${invitee} already has a password.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /link/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto("/login/forgot");
  await expect(page.getByText("Email is off on this Fulcrum, so no link can be sent.")).toBeVisible();
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
