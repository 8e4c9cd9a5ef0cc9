// `npm run bench:profile-submission [-- <submissions>] [--bare]`: where a survey submission's server CPU goes.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:profile-submission
//
// Runs the production build (`npm run bench -- --quick --submissions-only` builds it and
// seeds the template copied here) under `node --cpu-prof`, sends a fixed number of real
// survey submissions at 50 concurrent after a warm-up, stops the server, and prints its CPU
// time per submission: in all, from /proc, and by stage, from the samples of the profile
// taken during the load (lib/submission/profile.mts). With --bare, the same for the bare
// route (bench/bare-route). BENCH_PORT (default 3400) and the port after it are used.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { sealKeyBase64 } from "@/server/env";
import { startApp } from "./lib/app.mjs";
import { databaseUrlFor, PostgresDatabases } from "./lib/databases.mjs";
import type { LoadResult } from "./lib/load.mjs";
import { runBareRoute, startBareRoute } from "./lib/submission/bare-route.mjs";
import { breakdown, type CpuProfile } from "./lib/submission/profile.mjs";
import { prepareRaters, RaterQueue } from "./lib/submission/raters.mjs";
import { runServerAction } from "./lib/submission/server-action.mjs";

const bare = process.argv.includes("--bare");
const submissions = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 3_000);
const WARMUP = 500;
const CONCURRENCY = 50;
const port = Number(process.env.BENCH_PORT ?? 3400);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL to the PostgreSQL server the benchmark uses.");

/** User and system CPU time of a process so far, in ms (/proc counts clock ticks of 10 ms). */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
/** The clock of V8's profiles (CLOCK_MONOTONIC), in µs. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const admin = postgres(databaseUrlFor(databaseUrl, "postgres"), { max: 1, onnotice: () => {} });
const [template] = await admin<{ datname: string }[]>`
  SELECT datname FROM pg_database WHERE datname LIKE 'fulcrum\\_bench\\_small\\_%' AND datname NOT LIKE '%\\_building'`;
await admin.end();
if (!template) throw new Error("No seeded template: run `npm run bench -- --quick --submissions-only` first.");
const pg = new PostgresDatabases(databaseUrl);
const copy = `fulcrum_benchrun_${port}_profile`;
const url = await pg.copy(template.datname, copy);
const handle = openPostgres({ url, poolMax: 4, statementTimeoutMs: 30_000 });
const profileDir = mkdtempSync(path.join(os.tmpdir(), "fulcrum-profile-"));
const nodeArgs = ["--cpu-prof", `--cpu-prof-dir=${profileDir}`];
try {
  const raters = await prepareRaters(handle.db, submissions + WARMUP);
  const authSecret = randomBytes(48).toString("base64url");
  const server = bare
    ? await startBareRoute({ databaseUrl: url, port: port + 1, poolMax: 16, nodeArgs })
    : await startApp({ port, env: { AUTH_SECRET: authSecret, FULCRUM_SEAL_KEY: sealKeyBase64(), DATABASE_URL: url, DATABASE_POOL_MAX: "16" }, nodeArgs });
  const load = (queue: RaterQueue): Promise<LoadResult> => {
    const options = { raters: queue, concurrency: CONCURRENCY, warmupMs: 0, durationMs: 600_000 };
    return "baseUrl" in server ? runServerAction({ ...options, appUrl: server.baseUrl, authSecret }) : runBareRoute({ ...options, url: server.url });
  };
  let window: { fromUs: number; toUs: number };
  let saved: number;
  let cpuPerSubmission: number;
  try {
    // The warm-up's raters first: the JIT and the pools warm up before the profiled window.
    await load(new RaterQueue(raters.slice(0, WARMUP)));
    const cpuBefore = cpuMs(server.pid);
    const fromUs = monotonicUs();
    const result = await load(new RaterQueue(raters.slice(WARMUP)));
    window = { fromUs, toUs: monotonicUs() };
    const cpu = cpuMs(server.pid) - cpuBefore;
    saved = result.sent.ok;
    if (result.sent.failed > 0) throw new Error(`${result.sent.failed} submissions failed: ${result.failures.join("; ")}`);
    const seconds = (window.toUs - fromUs) / 1e6;
    console.log(
      `${bare ? "Bare route" : "Server action"}: ${saved} saved at ${CONCURRENCY} concurrent in ${seconds.toFixed(1)} s (${result.rps.toFixed(0)} req/s, p99 ${result.p99.toFixed(0)} ms)`,
    );
    cpuPerSubmission = cpu / saved;
  } finally {
    await server.stop();
  }
  const file = readdirSync(profileDir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .sort((a, b) => statSync(path.join(profileDir, b)).size - statSync(path.join(profileDir, a)).size)[0];
  if (!file) throw new Error(`No profile in ${profileDir}: did the server exit cleanly?`);
  const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
  console.log(`Profile: ${path.join(profileDir, file)}, window ${JSON.stringify(window)}\n`);
  console.log(breakdown(profile, window, saved, cpuPerSubmission));
} finally {
  await handle.close();
  await pg.dropCopies(copy);
  await pg.close();
}
