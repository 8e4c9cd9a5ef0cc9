import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { type AppServer, onPostgres, startApp } from "./support/app-server";
import { type PostgresServer, startPostgres } from "./support/postgres-server";
import { halfWrittenSubmissions, holdSealedWrites, ratersWhoParticipated, submissionRows, waitForHeldSealedWrites } from "./support/rows";
import { type Rater, captureSubmission, openCycleRaters, postSurvey } from "./support/survey-load";
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
  await testInfo.attach("postgres.log", { body: postgres?.log() ?? "" });
  await postgres?.dispose();
});

test("a PostgreSQL restart while 20 raters submit leaves each survey written whole or refused, and the app recovers by itself", async ({ browser }) => {
  const raters = await openCycleRaters(postgres.sql, 20);
  const cycleId = raters[0]!.cycleId;
  const captured = await captureSubmission(browser, app.url, raters[0]!);
  const cookies = new Map<string, string>();
  for (const rater of raters) cookies.set(rater.id, (await signInOverHttp(app.url, rater.email)).cookie);
  const marker = `restart-${randomBytes(6).toString("hex")}`;
  const submit = (rater: Rater) => postSurvey(app.url, captured, rater, cookies.get(rater.id)!, `${marker} ${rater.id}`);
  const before = await submissionRows(postgres.sql, cycleId);

  // Three kinds of submission meet the restart: some finished before it, some stopped
  // halfway inside their transaction (between the participation and the sealed response),
  // and some sent while the server is going down and coming back.
  const early = raters.slice(0, 7);
  const held = raters.slice(7, 14);
  const late = raters.slice(14);

  const earlyOutcomes = await Promise.all(early.map(submit));
  const lock = await holdSealedWrites(postgres.url());
  const heldSubmissions = held.map(submit);
  const activityAtRestart = await waitForHeldSealedWrites(postgres.sql, held.length);
  const restartStarted = performance.now();
  const restarted = postgres.restart().then(() => performance.now() - restartStarted);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const lateOutcomes = await Promise.all(late.map(submit));
  const restartMs = await restarted;
  const heldOutcomes = await Promise.all(heldSubmissions);
  await lock.release();
  const outcomes = [...earlyOutcomes, ...heldOutcomes, ...lateOutcomes];
  const tally = (list: typeof outcomes) => list.map((submitted) => submitted.outcome).join(", ");
  console.log(
    `PostgreSQL restarted in ${restartMs} ms. Before: ${tally(earlyOutcomes)}. Held mid-transaction: ${tally(heldOutcomes)}. Sent during the restart: ${tally(lateOutcomes)}.`,
  );
  console.log(`The app's sessions when the restart began:\n${activityAtRestart.join("\n")}`);

  expect(earlyOutcomes.map((submitted) => submitted.outcome)).toEqual(early.map(() => "saved"));
  // Caught mid-transaction: the rater is told to try again, and nothing of theirs remains.
  expect(heldOutcomes.map((submitted) => submitted.outcome)).toEqual(held.map(() => "not-saved"));
  const participated = await ratersWhoParticipated(
    postgres.sql,
    cycleId,
    raters.map((rater) => rater.id),
  );
  // A request that finds PostgreSQL gone before the action's own error handling starts (as
  // it reads the signed-in person) fails whole: a 500 with a digest only, which the browser
  // shows as the error page ("Nothing you submitted was half-saved. Please try again").
  for (const submitted of outcomes) {
    expect(["saved", "not-saved", "server-error"], submitted.rater.email).toContain(submitted.outcome);
    expect(participated.has(submitted.rater.id), `${submitted.rater.email}: ${submitted.outcome}`).toBe(submitted.outcome === "saved");
    // A refusal says nothing about the failure: no stack trace, no SQL, no driver.
    if (submitted.outcome !== "saved") expect(submitted.text).not.toMatch(/\bat .*:\d+|select |insert |postgres|ECONN/i);
  }
  const saved = outcomes.filter((submitted) => submitted.outcome === "saved").length;
  expect(await submissionRows(postgres.sql, cycleId)).toEqual({
    participations: before.participations + saved,
    sealed: before.sealed + saved,
  });
  expect(await halfWrittenSubmissions(postgres.sql, cycleId)).toEqual([]);

  // The same app process, never restarted, takes every refused survey on the next try.
  expect(app.child.exitCode).toBeNull();
  const retried = await Promise.all(outcomes.filter((submitted) => submitted.outcome !== "saved").map((submitted) => submit(submitted.rater)));
  expect(retried.map((submitted) => submitted.outcome)).toEqual(retried.map(() => "saved"));
  expect(await submissionRows(postgres.sql, cycleId)).toEqual({
    participations: before.participations + 20,
    sealed: before.sealed + 20,
  });
  expect(await halfWrittenSubmissions(postgres.sql, cycleId)).toEqual([]);
  // The failures were logged without the answers that were being written.
  expect(app.output()).toContain("survey submission failed");
  expect(app.output()).not.toContain(marker);
});
