import type { Browser, Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { selectUncheckedRows } from "@/tests/support/raw";
import { ADMIN, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { daysFromToday } from "../support/days";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { expect, expectNoAxeViolations, submitWith, test } from "./fixtures";
import { closeTheOpenCycle, LAPTOP, signedIn } from "./support/closed-demo";

// A cycle run by email, against a real SMTP server on a loopback port: invitations when it
// opens, reminders to those who have not answered, and "your report is ready" only to the
// managers whose team met k.

const NEXT = "Email check";
const PUBLIC_URL = "http://fulcrum.test";
const ANSWERING = 3;

/** Waits until the SMTP server has received `count` messages, and a moment more for any extra, then gives their recipients. */
async function recipients(smtp: TestSmtpServer, count: number) {
  await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return smtp.received.map((email) => email.to.join()).sort();
}

async function transition(page: Page, button: string, confirm: string) {
  await page.goto("/admin/cycles");
  await page.getByRole("button", { name: `${button} ${NEXT}` }).click();
  await submitWith(page.getByRole("button", { name: confirm }));
}

async function answer(browser: Browser, url: string, rep: string, manager: string) {
  const page = await signedIn(browser, url, rep, LAPTOP);
  await page.getByRole("link", { name: `Rate ${manager}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rate ${manager}` })).toBeVisible();
  for (const group of await page.locator("section fieldset").all()) await group.getByRole("radio").nth(3).check();
  await page.getByRole("button", { name: "Submit my answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await page.context().close();
}

test("without SMTP, the participation page says plainly that email is off", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  await page.goto("/admin/participation");
  await expect(page.getByText(/^Email is off: SMTP_URL is not set/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remind everyone/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("opening invites every rater, reminding reaches only those who have not answered, closing tells only the managers with a report", async ({ browser }) => {
  test.setTimeout(240_000);
  const smtp = await startSmtpServer();
  const demo = await closeTheOpenCycle();
  const { manager } = demo.setup;
  const answering = DEMO_TEAMS.find((team) => team.manager === manager)!.reps.slice(0, ANSWERING);
  try {
    // Who the next snapshot will ask: every active person under an active manager, and every active manager.
    const raters = await demo.inspect((db) =>
      selectUncheckedRows<{ email: string; rates: boolean }>(
        db,
        sql`SELECT p.email, EXISTS (SELECT 1 FROM people m WHERE m.id = p.reports_to AND m.is_active) AS rates
          FROM people p
          WHERE p.is_active AND (EXISTS (SELECT 1 FROM people m WHERE m.id = p.reports_to AND m.is_active)
            OR EXISTS (SELECT 1 FROM people r WHERE r.reports_to = p.id AND r.is_active))`,
      ),
    );
    const app = await demo.serve({ SMTP_URL: smtp.url, FULCRUM_PUBLIC_URL: PUBLIC_URL });
    const admin = await signedIn(browser, app.url, ADMIN, LAPTOP);
    await admin.goto("/admin/cycles");
    await admin.getByLabel("Name").first().fill(NEXT);
    await admin.getByLabel("Opens on").first().fill(daysFromToday(0));
    await admin.getByLabel("Closes on").first().fill(daysFromToday(14));
    await submitWith(admin.getByRole("button", { name: "Create draft" }));
    // The draft exists before the page is left: leaving at once would cut the action short.
    await expect(admin.getByText(`Draft “${NEXT}” created.`)).toBeVisible();
    await transition(admin, "Open", "Yes, open it");

    // Opening: one invitation per rater of the snapshot, with links to their own assessments.
    expect(await recipients(smtp, raters.length)).toEqual(raters.map((row) => row.email).sort());
    const invitation = smtp.to(demoEmail(answering[0]!))[0]!;
    expect(invitation.text).toContain(`${NEXT} is open`);
    expect(invitation.text).toMatch(new RegExp(`Rate ${manager}: ${PUBLIC_URL}/assessments/[0-9a-f-]{36}/[0-9a-f-]{36}`));

    // Three of one team answer; then the admin reminds everyone else, and learns no name.
    for (const rep of answering) await answer(browser, app.url, rep, manager);
    smtp.received.length = 0;
    await admin.goto("/admin/participation");
    await expectNoAxeViolations(admin);
    await submitWith(admin.getByRole("button", { name: `Remind everyone who has not answered in ${NEXT}` }));
    const status = admin.getByRole("status").filter({ hasText: "Reminders are on their way" });
    await expect(status).toHaveText(/^Reminders are on their way to those who have not answered: \d+ people in teams with 3 or more still to answer/);
    const waiting = raters.filter((row) => row.rates && !answering.map(demoEmail).includes(row.email)).map((row) => row.email);
    expect(await recipients(smtp, waiting.length)).toEqual(waiting.sort());
    expect(smtp.received[0]!.text).toContain("your answer is still missing");
    for (const name of answering) await expect(status).not.toContainText(name);
    // A second round at once reaches nobody: at most one reminder in 48 hours.
    smtp.received.length = 0;
    await submitWith(admin.getByRole("button", { name: `Remind everyone who has not answered in ${NEXT}` }));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(smtp.received).toEqual([]);

    // Closing: "your report is ready" to the one manager whose team met k.
    await transition(admin, "Close", "Yes, close it");
    expect(await recipients(smtp, 1)).toEqual([demoEmail(manager)]);
    expect(smtp.received[0]!.text).toContain(`${PUBLIC_URL}/report/`);
    await admin.context().close();
  } finally {
    await demo.dispose();
    await smtp.close();
  }
});
