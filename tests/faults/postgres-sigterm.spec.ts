import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { type AppServer, onPostgres, startApp } from "./support/app-server";
import { send } from "./support/http";
import { type PostgresServer, startPostgres } from "./support/postgres-server";
import { abandonedSessions, appConnections, halfWrittenSubmissions, holdSealedWrites, submissionRows, waitForHeldSealedWrites } from "./support/rows";
import { captureSubmission, openCycleRaters, postSurvey } from "./support/survey-load";
import { signInOverHttp } from "../support/sign-in-over-http";

let postgres: PostgresServer;
let app: AppServer;

test.beforeAll(async () => {
  postgres = await startPostgres();
  app = await startApp({ env: onPostgres(postgres.url()) });
});

test.afterAll(async ({}, testInfo) => {
  await app?.stop();
  await testInfo.attach("app.log", { body: app?.output() ?? "" });
  await postgres?.dispose();
});

test("SIGTERM during 20 submissions lets them all finish, then closes the pool and exits", async ({ browser }) => {
  const raters = await openCycleRaters(postgres.sql, 20);
  const cycleId = raters[0]!.cycleId;
  const captured = await captureSubmission(browser, app.url, raters[0]!);
  const cookies = new Map<string, string>();
  for (const rater of raters) cookies.set(rater.id, (await signInOverHttp(app.url, rater.email)).cookie);
  const marker = `sigterm-${randomBytes(6).toString("hex")}`;
  const before = await submissionRows(postgres.sql, cycleId);

  // Every submission is held inside its transaction (10, the pool's size) or waiting for
  // a connection (the other 10) when the signal arrives.
  const lock = await holdSealedWrites(postgres.url());
  const submissions = raters.map((rater) => postSurvey(app.url, captured, rater, cookies.get(rater.id)!, `${marker} ${rater.id}`));
  await waitForHeldSealedWrites(postgres.sql, 10);
  const abandonedBefore = await abandonedSessions(postgres.sql);
  const signalledAt = performance.now();
  app.child.kill("SIGTERM");
  const exitedAfter = app.exited.then((exit) => ({ ...exit, ms: performance.now() - signalledAt }));

  // The server stops taking connections at once, but waits for the requests it has.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await expect(send(`${app.url}/api/health`)).rejects.toThrow(/ECONNREFUSED/);
  expect(app.child.exitCode).toBeNull();
  expect(await appConnections(postgres.sql)).toBeGreaterThanOrEqual(10);

  await lock.release();
  const outcomes = await Promise.all(submissions);
  const exit = await exitedAfter;
  console.log(`SIGTERM to exit: ${exit.ms} ms (the submissions were held for the first 1000 ms); exit code ${exit.code}.`);
  expect(outcomes.map((submitted) => `${submitted.status} ${submitted.outcome}`)).toEqual(raters.map(() => "200 saved"));
  expect(exit.code).toBe(143);

  // The pool was closed on the way out, each connection with a goodbye, and everything
  // is written whole.
  await expect.poll(() => appConnections(postgres.sql), { timeout: 5_000 }).toBe(0);
  expect(await abandonedSessions(postgres.sql)).toBe(abandonedBefore);
  expect(await submissionRows(postgres.sql, cycleId)).toEqual({
    participations: before.participations + 20,
    sealed: before.sealed + 20,
  });
  expect(await halfWrittenSubmissions(postgres.sql, cycleId)).toEqual([]);
  expect(app.output()).not.toContain(marker);
  expect(app.output()).not.toMatch(/error/i);
});
