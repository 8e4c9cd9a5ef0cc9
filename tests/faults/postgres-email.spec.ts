import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { type AppServer, onPostgres, sharedSecrets, startApp } from "./support/app-server";
import { type PostgresServer, startPostgres } from "./support/postgres-server";

// Two instances of one build on one PostgreSQL, both with SMTP, as behind a load balancer,
// nine days later (Debian's faketime): the demo's open cycle, which closes in fourteen days,
// then closes in five, so the reminder round of seven days before is due. Each instance
// queues it and sends what it claims as it starts, at the same moment.

/** Debian's libfaketime, the thread-safe build (next-server runs threads), wherever the architecture puts it. */
function libfaketime() {
  for (const dir of readdirSync("/usr/lib")) {
    const candidate = path.join("/usr/lib", dir, "faketime", "libfaketimeMT.so.1");
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("libfaketime is not installed. On Debian or Ubuntu: apt-get install faketime (CI installs it).");
}

let postgres: PostgresServer;
let smtp: TestSmtpServer;
let instances: AppServer[] = [];
/** How far ahead the instances' clock runs: the open cycle then closes in five days. */
const DAYS_LATER = 9;
// One set of secrets for every start: the open cycle's answers are sealed with this key.
const secrets = sharedSecrets();

test.beforeAll(async () => {
  postgres = await startPostgres();
  // A first start, without email, migrates and seeds the demo.
  const seeding = await startApp({ env: onPostgres(postgres.url(), secrets) });
  await seeding.stop();
  smtp = await startSmtpServer();
});

test.afterAll(async ({}, testInfo) => {
  await Promise.all(instances.map((instance) => instance.stop()));
  for (const [index, instance] of instances.entries()) await testInfo.attach(`instance-${index}.log`, { body: instance.output() });
  await smtp?.close();
  await postgres?.dispose();
});

test("two instances started together send each scheduled reminder exactly once, and only to those who have not answered", async () => {
  const waiting = await postgres.sql<{ email: string }[]>`
    SELECT DISTINCT p.email FROM cycle_assignments a
    JOIN cycles c ON c.id = a.cycle_id AND c.state = 'open'
    JOIN people p ON p.id = a.rater_id AND p.is_active
    WHERE a.rater_id <> a.manager_id
      AND NOT EXISTS (SELECT 1 FROM participations x WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)`;
  expect(waiting.length).toBeGreaterThan(5);

  const env = { ...onPostgres(postgres.url(), secrets), SMTP_URL: smtp.url, FULCRUM_PUBLIC_URL: "http://fulcrum.test" };
  // libfaketime preloaded into next-server itself, not the faketime wrapper: the wrapper
  // forks, and stopping it would leave the server running.
  const later = { ...env, LD_PRELOAD: libfaketime(), FAKETIME: `+${DAYS_LATER}d` };
  instances = await Promise.all([startApp({ env: later }), startApp({ env: later })]);

  await expect.poll(() => smtp.received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(waiting.length);
  // A moment more, for a second copy to show if there were one.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(smtp.received.map((email) => email.to.join()).sort()).toEqual(waiting.map((row) => row.email).sort());
  for (const email of smtp.received) expect(email.text).toContain("your answer is still missing");
  const rows = await postgres.sql<{ status: string; count: number }[]>`
    SELECT status::text, count(*)::int AS count FROM email_messages WHERE kind = 'reminder' GROUP BY status`;
  expect(rows).toEqual([{ status: "sent", count: waiting.length }]);
  // Both instances are still serving.
  for (const instance of instances) expect(instance.child.exitCode).toBeNull();
});
