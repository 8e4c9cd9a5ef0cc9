import { spawnSync } from "node:child_process";

/**
 * The fault tests run `next start` on the production build. `scripts/start.mjs` builds
 * only when the sources changed since the last build; asked for `next start`'s help, it
 * does just that and then exits, without serving anything.
 */
export default function ensureProductionBuild() {
  if (!process.env.DATABASE_URL) console.log("Fault tests: DATABASE_URL is not set, so only the embedded-database cases run.");
  const result = spawnSync(process.execPath, ["scripts/start.mjs", "--help"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`The production build failed:\n${result.stdout}\n${result.stderr}`);
}
