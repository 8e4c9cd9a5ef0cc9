// `npm start`: build the production app when the sources changed since the last build,
// then serve it. A fresh clone builds once; later starts are immediate. On a fresh clone
// it also turns demo mode on, which the app alone never does (see ./demo-default.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { markDemo, newcomerDemoDir } from "./demo-default.mjs";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "lib", "db", "server", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const buildId = path.join(root, ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((entry) => newestChange(path.join(root, entry))));

// Asked only for `next start`'s help (how the fault tests build), nothing is served, so
// nothing is decided or written into the data directory.
const serving = !process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h");
const demoDir = serving ? newcomerDemoDir(root, process.env) : null;
if (demoDir) {
  markDemo(demoDir);
  const relative = path.relative(root, demoDir);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? demoDir : relative || ".";
  console.log(
    `Fulcrum: demo mode is on: the embedded database in ${shown} gets the demo organisation, and the sign-in page lists its accounts. For real use, start on an empty database with FULCRUM_DEMO=off (README: "First start in production").`,
  );
}
const childEnv = demoDir ? { ...process.env, FULCRUM_DEMO: "on" } : process.env;

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
function run(...args) {
  const result = spawnSync(process.execPath, [next, ...args], { cwd: root, stdio: "inherit", env: childEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (changedAt > builtAt) {
  // A first build takes 3 to 4 minutes on two cores, and Next.js prints little while it works.
  console.log(`Fulcrum: building the app${builtAt === 0 ? " for the first time (3 to 4 minutes on two cores)" : ", as its sources changed"}…`);
  const started = performance.now();
  run("build");
  console.log(`Fulcrum: built in ${Math.round((performance.now() - started) / 1000)} s; starting the server…`);
} else console.log("Fulcrum: the build is up to date; starting the server…");
run("start", ...process.argv.slice(2));
