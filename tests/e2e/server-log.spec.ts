import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycles, sealedResponses } from "@/db/schema";
import type { SealedFormat } from "@/lib/survey/sealed-answers";
import { DEMO_PASSWORD, DEMO_TEAMS, demoEmail } from "@/server/internal/seed/demo-org";
import { openAnswers, sealKey } from "@/server/seal";
import { expect, signIn, test, submitWith } from "./fixtures";

// Runs after every other end-to-end test (see playwright.config.ts), over the log of the
// whole run: no survey answer, comment or password may ever reach it, and expected
// failures leave no stack trace.

// Next.js itself reports a cross-origin server action it refused (forged-survey.spec.ts)
// as an error with one hidden frame; nothing else may show up as an error.
const ALLOWED_ERRORS = ["Error: Invalid Server Actions request."];

// The first rep of this team has not answered the open cycle, and no other test uses them.
const rep = { email: demoEmail(DEMO_TEAMS[2]!.reps[0]!), manager: DEMO_TEAMS[2]!.manager };

/**
 * Every comment in the run's database, read from a copy of its directory (the server still
 * holds the original): those of closed cycles, and those still sealed in open ones, opened
 * with the run's seal key (playwright.config.ts gives the server the same one).
 */
async function storedComments() {
  const copy = mkdtempSync(path.join(os.tmpdir(), "fulcrum-e2e-copy-"));
  try {
    cpSync(path.join(process.env.FULCRUM_E2E_DATA_DIR!, "pglite"), path.join(copy, "pglite"), { recursive: true });
    const handle = await openPglite(path.join(copy, "pglite"));
    const clear = await selectUncheckedRows<{ comment: string }>(handle.db, sql`SELECT comment FROM responses WHERE comment IS NOT NULL`);
    const sealed = await handle.db
      .select({ cycleId: sealedResponses.cycleId, managerId: sealedResponses.managerId, sealed: sealedResponses.sealed, format: cycles.sealedFormat })
      .from(sealedResponses)
      .innerJoin(cycles, eq(cycles.id, sealedResponses.cycleId));
    await handle.close();
    const opened = sealed.map((row) => openAnswers(sealKey(), row.cycleId, row.managerId, row.sealed, row.format as SealedFormat).comment);
    return [...clear.map((row) => row.comment), ...opened.filter((comment) => comment !== null)];
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

test("the server's log holds no answer, comment or password, and no stack trace for an expected failure", async ({ page }) => {
  // Pass secrets through every path that handles them: a wrong password, a survey
  // refused for a missing answer, and the same survey accepted.
  const marker = randomBytes(8).toString("hex");
  await signIn(page, rep.email, `wrong password ${marker}`);
  await expect(page.getByRole("status")).toHaveText("That email and password do not match an active account.");
  await signIn(page, rep.email);
  await page.getByRole("link", { name: `Rate ${rep.manager}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rate ${rep.manager}` })).toBeVisible();
  const groups = await page.locator("fieldset").all();
  expect(groups).toHaveLength(21);
  for (const group of groups.slice(1)) await group.getByRole("radio").nth(3).check();
  await page.getByLabel(/Anything else/).fill(`A comment only this test writes: ${marker}`);
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect(page.getByRole("alert").filter({ hasText: "Some answers are missing" })).toBeVisible();
  await groups[0]!.getByRole("radio").nth(1).check();
  await submitWith(page.getByRole("button", { name: "Submit my answers" }));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();

  const comments = await storedComments();
  expect(comments).toContain(`A comment only this test writes: ${marker}`);
  const log = readFileSync(process.env.FULCRUM_E2E_SERVER_LOG!, "utf8").replace(/\x1b\[[0-9;]*m/g, "");

  expect(log).toContain("Ready in");
  expect(log).not.toContain(marker);
  // The demo's shared password, public on its sign-in page, is announced once when the
  // server is ready; every sign-in of the run used it, and none may have logged it.
  expect(log.split("\n").filter((line) => line.includes(DEMO_PASSWORD))).toEqual([
    `Fulcrum is ready at http://localhost:${new URL(test.info().project.use.baseURL!).port}. Sign in with any account the sign-in page lists; the demo password is ${DEMO_PASSWORD}.`,
  ]);
  expect(comments.filter((comment) => log.includes(comment))).toEqual([]);
  // Field names with their values, as a logged form or query would show them.
  expect(log).not.toMatch(/aspects\.[a-z_]+\.(management|leadership|need)|insert into "response/i);
  // A refused sign-in is not an incident.
  expect(log).not.toMatch(/credentialssignin/i);
  const errors = log
    .split("\n")
    .filter((line) => line.startsWith("⨯"))
    .map((line) => line.replace(/^⨯\s*/, "").trim());
  expect(errors.filter((error) => !ALLOWED_ERRORS.includes(error))).toEqual([]);
  expect(log).not.toMatch(/^\s+at (?!ignore-listed frames)/m);
});
