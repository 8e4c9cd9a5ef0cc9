// `npm run lighthouse`: Lighthouse's mobile preset (a mid-range phone on a slow 4G link,
// simulated) on every page each demo role can reach, on the production build of a fresh
// demo, each page three times (`--runs N`), the median run shown. Prints one markdown table
// with each target marked, and exits 3 when one is missed.
// Scores depend on the machine: run it on a quiet one (nothing else building or loading).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { chromium, type Browser } from "playwright";
import { ADMIN, DEMO_PASSWORD, DEMO_TEAMS, DIRECTORS, demoEmail } from "@/server/internal/seed/demo-org";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3500;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = existsSync(chromium.executablePath()) ? chromium.executablePath() : "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
const LIGHTHOUSE_VERSION = (createRequire(import.meta.url)("lighthouse/package.json") as { version: string }).version;

/** Issue 21's targets: Performance and SEO at least 90, Accessibility and Best Practices 100, LCP at most 2.5 s. */
const TARGETS = { performance: 90, accessibility: 100, "best-practices": 100, seo: 90 };
/**
 * robots.txt says `Disallow: /` on purpose (a private app), which fails this SEO audit on
 * every page. The SEO target is judged without it; the table shows both scores.
 */
const EXPECTED_SEO_FAILURE = "is-crawlable";
const LCP_TARGET_MS = 2500;
/** Who reaches which pages: one account per position in the demo's tree. */
const ROLES: [string, string | null][] = [
  ["anonymous", null],
  ["rep", demoEmail(DEMO_TEAMS[0]!.reps[0]!)],
  // The demo manager whose report shows commitments and their follow-through.
  ["manager", demoEmail("Grace Kim")],
  ["director", demoEmail(DIRECTORS[0])],
  ["admin", demoEmail(ADMIN)],
];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const NOT_PAGES = /\/export|\/api\/|\.csv$/;
/**
 * `--only /login,/report` audits only those page patterns (as the table names them), for a
 * quick look at one change; `--why` also prints, for each page, what its main thread spent
 * its time on, each script's share, and the largest paint's element and phases.
 */
const argv = process.argv.slice(2);
const onlyArg = argv.indexOf("--only");
const ONLY = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? "").split(",")) : null;
const WHY = argv.includes("--why");
/**
 * Lighthouse runs each page this many times (`--runs N`, default 3) and the table shows the
 * median run (Lighthouse's own pick: the run nearest the median first paint and time to
 * interactive), with the range of the Performance score over the runs: one run of a page
 * can land several points off. A run Lighthouse itself could not complete (a runtime error
 * such as NO_NAVSTART) is named in the notes and left out of the median; a page with no
 * completed run misses every target.
 */
const runsArg = argv.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs takes a whole number of at least 1.");

async function startServer() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fulcrum-lighthouse-"));
  const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "--port", String(PORT), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, FULCRUM_DATA_DIR: dataDir, FULCRUM_DEMO: "on", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = performance.now() + 10 * 60_000;
  while (performance.now() < deadline) {
    const healthy = await fetch(`${BASE}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy)
      return {
        stop: () => {
          process.kill(-server.pid!, "SIGTERM");
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  process.kill(-server.pid!, "SIGTERM");
  throw new Error("The app did not answer within 10 minutes.");
}

/** Signs in through the form, then follows every link from home: each page pattern once. */
async function pagesOf(browser: Browser, account: string | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (account) {
    await page.goto(`${BASE}/login`);
    await page.getByLabel("Work email").fill(account);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }
  const seen = new Set<string>();
  const pages: { url: string; pattern: string }[] = [];
  const queue = account ? ["/"] : ["/login", "/login/forgot"];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const pattern = url.replace(/\?.*/, "").replace(UUID, ":id");
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    await page.goto(`${BASE}${url}`);
    if (!account || !new URL(page.url()).pathname.startsWith("/login")) pages.push({ url, pattern });
    if (!account) continue;
    const links = await page.$$eval("main a[href^='/'], nav a[href^='/']", (anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
    for (const link of links) if (link && !NOT_PAGES.test(link) && !link.includes("#")) queue.push(link);
  }
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  await context.close();
  return { pages, cookie };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

/**
 * Lighthouse's own measure of the machine's speed, from every run: its simulation scales
 * the page's observed CPU work, so the same build scores lower on a slower or busier machine.
 */
const benchmarkIndexes: number[] = [];

async function runOnce(chrome: chromeLauncher.LaunchedChrome, url: string, cookie: string): Promise<Lhr> {
  const result = await lighthouse(`${BASE}${url}`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: Object.keys(TARGETS),
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
  benchmarkIndexes.push(result.lhr.environment.benchmarkIndex);
  return result.lhr;
}

const performanceOf = (lhr: Lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100);

async function audit(chrome: chromeLauncher.LaunchedChrome, url: string, cookie: string) {
  const runs: Lhr[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runOnce(chrome, url, cookie));
  const completed = runs.filter((run) => !run.runtimeError);
  const failedRuns = runs.flatMap((run) => (run.runtimeError ? [run.runtimeError.code] : []));
  const lhr = completed.length > 0 ? (computeMedianRun(completed) as Lhr) : runs[0]!;
  if (WHY) console.error(diagnosis(url, lhr));
  const performances = completed.map(performanceOf);
  const summary = lhr.audits["resource-summary"]?.details as { items: { resourceType: string; transferSize: number }[] } | undefined;
  const scripts = summary?.items.find((item) => item.resourceType === "script");
  const seo = lhr.categories.seo?.auditRefs.filter((ref) => ref.id !== EXPECTED_SEO_FAILURE && ref.weight > 0 && lhr.audits[ref.id]?.score !== null) ?? [];
  const seoWeight = seo.reduce((sum, ref) => sum + ref.weight, 0);
  const completedScore = (category: string) => (completed.length > 0 ? Math.round((lhr.categories[category]?.score ?? 0) * 100) : 0);
  return {
    scores: Object.fromEntries(Object.keys(TARGETS).map((category) => [category, completedScore(category)])),
    performanceRange: performances.length > 1 ? `${Math.min(...performances)}–${Math.max(...performances)}` : null,
    seoBesidesCrawlable:
      completed.length > 0 ? Math.round((100 * seo.reduce((sum, ref) => sum + ref.weight * (lhr.audits[ref.id]?.score ?? 0), 0)) / seoWeight) : 0,
    totalBlockingMs: completed.length > 0 ? (lhr.audits["total-blocking-time"]?.numericValue ?? Infinity) : Infinity,
    failedRuns: failedRuns.length > 0 ? `${failedRuns.length} of ${RUNS} runs failed (${[...new Set(failedRuns)].join(", ")})` : null,
    lcp: completed.length > 0 ? (lhr.audits["largest-contentful-paint"]?.numericValue ?? Infinity) : Infinity,
    scriptKb: (scripts?.transferSize ?? 0) / 1024,
    failing: Object.values(lhr.audits)
      .filter((entry) => entry.score !== null && entry.score < 1 && entry.scoreDisplayMode === "binary" && entry.id !== EXPECTED_SEO_FAILURE)
      .map((entry) => entry.id),
  };
}

type Items = { items: Record<string, unknown>[] } | undefined;

/** Where a page's time went, from Lighthouse's own diagnostics. */
function diagnosis(url: string, lhr: { audits: Record<string, { details?: unknown; displayValue?: string }> }) {
  const items = (id: string) => ((lhr.audits[id]?.details as Items)?.items ?? []) as Record<string, unknown>[];
  const ms = (value: unknown) => `${Math.round(Number(value))} ms`;
  const lines = [`--- ${url}`];
  lines.push(
    `main thread: ${items("mainthread-work-breakdown")
      .map((item) => `${String(item.groupLabel)} ${ms(item.duration)}`)
      .join(", ")}`,
  );
  for (const item of items("bootup-time").slice(0, 6))
    lines.push(
      `  script ${String(item.url).replace(BASE, "")}: total ${ms(item.total)}, evaluation ${ms(item.scripting)}, parse ${ms(item.scriptParseCompile)}`,
    );
  for (const item of items("long-tasks").slice(0, 8))
    lines.push(`  long task at ${ms(item.startTime)}: ${ms(item.duration)} ${String(item.url ?? "").replace(BASE, "")}`);
  const lcp = items("largest-contentful-paint-element");
  const element = (lcp[0]?.items as Record<string, { snippet?: string }>[] | undefined)?.[0]?.node?.snippet;
  const phases = ((lcp[1]?.items as Record<string, unknown>[] | undefined) ?? []).map((phase) => `${String(phase.phase)} ${ms(phase.timing)}`);
  lines.push(`largest paint: ${element ?? "?"}; ${phases.join(", ")}`);
  lines.push(
    `render-blocking: ${
      items("render-blocking-resources")
        .map((item) => `${String(item.url).replace(BASE, "")} ${ms(item.wastedMs)}`)
        .join(", ") || "none"
    }`,
  );
  return lines.join("\n");
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.slice(1) });
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
const rows: string[] = [];
let missed = 0;
try {
  const audited = new Set();
  for (const [role, account] of ROLES) {
    const { pages, cookie } = await pagesOf(browser, account);
    for (const { url, pattern } of pages) {
      if (audited.has(pattern) || (ONLY && !ONLY.has(pattern))) continue;
      audited.add(pattern);
      const result = await audit(chrome, url, cookie);
      const judged: Record<string, number> = { ...result.scores, seo: result.seoBesidesCrawlable };
      const marks = Object.entries(TARGETS).map(([category, target]) => {
        const score = judged[category] ?? 0;
        if (score < target) missed += 1;
        const shown =
          category === "seo"
            ? `${result.scores.seo} (${score})`
            : category === "performance" && result.performanceRange
              ? `${score} (${result.performanceRange})`
              : String(score);
        return score < target ? `**${shown}**` : shown;
      });
      if (result.lcp > LCP_TARGET_MS) missed += 1;
      const lcp = `${(result.lcp / 1000).toFixed(1)} s`;
      const notes = [result.failedRuns, ...result.failing].filter(Boolean).join(", ");
      rows.push(
        `| ${pattern} | ${role} | ${marks.join(" | ")} | ${result.lcp > LCP_TARGET_MS ? `**${lcp}**` : lcp} | ${Math.round(result.totalBlockingMs)} ms | ${Math.round(result.scriptKb)} KB | ${notes} |`,
      );
      console.error(`lighthouse: ${pattern} done`);
    }
  }
} finally {
  await chrome.kill();
  await browser.close();
  server.stop();
}
console.log(
  `Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset, the median of ${RUNS} run${RUNS === 1 ? "" : "s"} a page (Performance: the median run's score, with the range over the runs); targets: Performance ≥ ${TARGETS.performance}, Accessibility ${TARGETS.accessibility}, Best Practices ${TARGETS["best-practices"]}, SEO ≥ ${TARGETS.seo} without the ${EXPECTED_SEO_FAILURE} audit that robots.txt's Disallow fails on purpose (in brackets), LCP ≤ ${LCP_TARGET_MS / 1000} s (a miss in bold)\n`,
);
const indexes = [...benchmarkIndexes].sort((a, b) => a - b);
console.log(
  `Lighthouse's CPU benchmark index of this machine over the runs: median ${Math.round(indexes[Math.floor(indexes.length / 2)] ?? Number.NaN)}, ${Math.round(indexes[0] ?? Number.NaN)}–${Math.round(indexes.at(-1) ?? Number.NaN)}.\n`,
);
console.log("| page | as | Performance | Accessibility | Best Practices | SEO | LCP | Total blocking time | JavaScript (transferred) | audits not passed |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
for (const row of rows) console.log(row);
console.log(missed === 0 ? "\nEvery target met." : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 3;
