import type { Browser } from "@playwright/test";
import type postgres from "postgres";
import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";
import { send } from "./http";

/** A demo rep who has not yet answered the open cycle, in a team whose survey asks no follow-through. */
export interface Rater {
  id: string;
  email: string;
  name: string;
  cycleId: string;
  managerId: string;
}

export async function openCycleRaters(sql: postgres.Sql, count: number): Promise<Rater[]> {
  const raters = await sql<Rater[]>`
    SELECT p.id, p.email, p.name, a.cycle_id AS "cycleId", a.manager_id AS "managerId"
    FROM cycle_assignments a
    JOIN cycles c ON c.id = a.cycle_id AND c.state = 'open'
    JOIN people p ON p.id = a.rater_id
    WHERE a.rater_id <> a.manager_id
      AND NOT EXISTS (SELECT 1 FROM participations x
        WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)
      -- One captured survey is replayed for every rater: leave out the teams whose survey has
      -- follow-through items (their manager committed before this cycle), a different form.
      AND NOT EXISTS (SELECT 1 FROM commitments k WHERE k.frozen_in_cycle_id = a.cycle_id AND k.manager_id = a.manager_id)
    ORDER BY p.email
    LIMIT ${count}`;
  if (raters.length < count) throw new Error(`The demo has ${raters.length} raters left in its open cycle, not ${count}.`);
  return [...raters];
}

/** The parts of a survey submission that a replay needs: the action's id and the body's shape. */
export interface CapturedSubmission {
  headers: Record<string, string>;
  body: string;
}

/**
 * Fills in a real survey in the browser and catches the server-action POST it sends,
 * before it reaches the server: nothing is written. Replays then post the same body for
 * other raters, from plain HTTP clients, many at a time.
 */
export async function captureSubmission(browser: Browser, baseUrl: string, rater: Rater): Promise<CapturedSubmission> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Work email").fill(rater.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.goto(`/assessments/${rater.cycleId}/${rater.managerId}`);
  for (const group of await page.locator("fieldset").all()) await group.getByRole("radio").nth(2).check();
  let captured: CapturedSubmission | undefined;
  await page.route("**/assessments/**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const keep = ["next-action", "next-router-state-tree", "content-type", "accept"];
    const headers = Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => keep.includes(name)));
    captured = { headers, body: request.postData() ?? "" };
    return route.abort();
  });
  await page.getByRole("button", { name: "Submit my answers" }).click();
  const deadline = performance.now() + 15_000;
  while (!captured && performance.now() < deadline) await page.waitForTimeout(50);
  await context.close();
  if (!captured?.headers["next-action"]) throw new Error("The survey's server action was not captured.");
  return captured;
}

function withField(body: string, field: string, value: string) {
  const pattern = new RegExp(`(name="[^"]*_${field}"\\r\\n\\r\\n)[^\\r]*`);
  if (!pattern.test(body)) throw new Error(`The captured survey has no ${field} field.`);
  return body.replace(pattern, `$1${value}`);
}

export type SubmitOutcome = "saved" | "not-saved" | "already-done" | "server-error";

export interface Submitted {
  rater: Rater;
  outcome: SubmitOutcome;
  status: number;
  text: string;
}

const SAVED = "Thank you. Your answers are in.";
const NOT_SAVED = "Your answers could not be saved just now, and nothing was recorded. Please try again in a moment.";
const ALREADY_DONE = "You have already rated";

/** Posts one rater's survey, with their own comment, to an app instance, as their browser would. */
export async function postSurvey(baseUrl: string, captured: CapturedSubmission, rater: Rater, cookie: string, comment: string): Promise<Submitted> {
  let body = withField(captured.body, "cycleId", rater.cycleId);
  body = withField(body, "managerId", rater.managerId);
  body = withField(body, "comment", comment);
  const response = await send(`${baseUrl}/assessments/${rater.cycleId}/${rater.managerId}`, {
    method: "POST",
    headers: { ...captured.headers, origin: baseUrl, cookie },
    body,
  });
  const outcome: SubmitOutcome | undefined =
    response.status === 500
      ? "server-error"
      : response.text.includes(SAVED)
        ? "saved"
        : response.text.includes(NOT_SAVED)
          ? "not-saved"
          : response.text.includes(ALREADY_DONE)
            ? "already-done"
            : undefined;
  if (!outcome) throw new Error(`Unexpected answer to a survey submission (${response.status}): ${response.text.slice(0, 500)}`);
  return { rater, outcome, status: response.status, text: response.text };
}
