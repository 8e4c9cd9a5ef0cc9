import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type AppServer, onPostgres, sharedSecrets, startApp } from "./support/app-server";
import { send } from "./support/http";
import { type PostgresServer, startPostgres } from "./support/postgres-server";
import { halfWrittenSubmissions, submissionRows } from "./support/rows";
import { captureSubmission, openCycleRaters, postSurvey } from "./support/survey-load";
import { signInOverHttp } from "../support/sign-in-over-http";

// Two instances of one build on one PostgreSQL, with the same AUTH_SECRET and
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, as behind a load balancer.
let postgres: PostgresServer;
let a: AppServer;
let b: AppServer;

test.beforeAll(async () => {
  postgres = await startPostgres();
  const env = onPostgres(postgres.url(), sharedSecrets());
  // Started together: they take turns to migrate and seed.
  [a, b] = await Promise.all([startApp({ env }), startApp({ env })]);
});

test.afterAll(async ({}, testInfo) => {
  await Promise.all([a?.stop(), b?.stop()]);
  await testInfo.attach("a.log", { body: a?.output() ?? "" });
  await testInfo.attach("b.log", { body: b?.output() ?? "" });
  await postgres?.dispose();
});

test("instances started together migrate and seed the database once", async () => {
  const migrations = readdirSync(path.join(process.cwd(), "db", "migrations")).filter((name) => name.endsWith(".sql"));
  const [counts] = await postgres.sql<{ migrations: number; cycles: number; people: number }[]>`
    SELECT (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations,
      (SELECT count(*)::int FROM cycles) AS cycles,
      (SELECT count(*)::int FROM people) AS people`;
  // The demo has three closed cycles and an open one; a second seed would double them.
  expect(counts).toMatchObject({ migrations: migrations.length, cycles: 4 });
  expect(counts!.people).toBeGreaterThan(0);
});

test("a session signed in on one instance works on the other", async () => {
  const [rater] = await openCycleRaters(postgres.sql, 1);
  for (const [signedInOn, usedOn] of [
    [a, b],
    [b, a],
  ] as const) {
    const { outcome, cookie } = await signInOverHttp(signedInOn.url, rater!.email);
    expect(outcome).toBe("signed-in");
    const home = await send(`${usedOn.url}/`, { headers: { cookie } });
    expect(home.status).toBe(200);
    // The page greets the person by name, and offers their own assessment.
    expect(home.text).toContain(`>${rater!.name}</span>`);
    expect(home.text).toContain(`/assessments/${rater!.cycleId}/${rater!.managerId}`);
  }
});

test("the same survey sent to both instances at once is recorded exactly once", async ({ browser }) => {
  const raters = await openCycleRaters(postgres.sql, 5);
  const cycleId = raters[0]!.cycleId;
  const captured = await captureSubmission(browser, a.url, raters[0]!);
  const before = await submissionRows(postgres.sql, cycleId);
  for (const rater of raters) {
    const { cookie } = await signInOverHttp(a.url, rater.email);
    // Six copies of one rater's survey, three to each instance, all at the same moment.
    const outcomes = await Promise.all([a, b, a, b, a, b].map((instance) => postSurvey(instance.url, captured, rater, cookie, `double submit by ${rater.id}`)));
    expect(outcomes.map((submitted) => submitted.outcome).sort()).toEqual([
      "already-done",
      "already-done",
      "already-done",
      "already-done",
      "already-done",
      "saved",
    ]);
  }
  const [perRater] = await postgres.sql<{ most: number; raters: number }[]>`
    SELECT max(n)::int AS most, count(*)::int AS raters FROM (
      SELECT count(*) AS n FROM participations WHERE cycle_id = ${cycleId} AND rater_id = ANY(${raters.map((rater) => rater.id)}::uuid[]) GROUP BY rater_id) x`;
  expect(perRater).toEqual({ most: 1, raters: 5 });
  expect(await submissionRows(postgres.sql, cycleId)).toEqual({
    participations: before.participations + 5,
    sealed: before.sealed + 5,
  });
  expect(await halfWrittenSubmissions(postgres.sql, cycleId)).toEqual([]);
});

// Last: after it, this address may not sign in for 15 minutes.
test("ten failed sign-ins split across the instances lock the account on both", async () => {
  const [target] = await openCycleRaters(postgres.sql, 1);
  for (let attempt = 0; attempt < 10; attempt++) {
    const instance = attempt % 2 === 0 ? a : b;
    expect((await signInOverHttp(instance.url, target!.email, `wrong password ${attempt}`)).outcome, `attempt ${attempt + 1}`).toBe("refused");
  }
  // The eleventh, even with the right password, is refused on either instance.
  expect((await signInOverHttp(b.url, target!.email)).outcome).toBe("throttled");
  expect((await signInOverHttp(a.url, target!.email)).outcome).toBe("throttled");
});
