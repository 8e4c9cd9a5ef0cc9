// Whether `npm start` turns demo mode on. The app itself never does: FULCRUM_DEMO unset means
// no demo (server/env.ts), so that a deployment that forgets the variable gets no demo
// administrator whose password the sign-in page prints. A newcomer who runs
// `npm install && npm start` on a fresh clone is promised the demo, though, so this script,
// and only this one, turns it on for them. It does so only when nothing says otherwise:
// - FULCRUM_DEMO is unset (on and off are kept as they are);
// - DATABASE_URL is unset: a PostgreSQL database is somebody's deployment;
// - there is no .env file, which Next.js would read after this script has looked (a
//   deployment keeps its settings there, and a newcomer has none);
// - the embedded database does not exist yet, or an earlier `npm start` turned the demo on
//   for it (a marker file in the data directory remembers), so that the second start of a
//   demo is a demo too, and an embedded database created otherwise never becomes one.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The file in the data directory that says `npm start` made it a demo. */
export const DEMO_MARKER = "demo-mode";

// The files Next.js loads into the environment (next.js: @next/env); not .env.example.
const ENV_FILE = /^\.env(\.(development|production|test))?(\.local)?$/;

/**
 * The data directory of the newcomer's demo, when `npm start` in `root` with this
 * environment should turn demo mode on; null when it should leave FULCRUM_DEMO alone.
 * @param {string} root
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function newcomerDemoDir(root, env) {
  // An empty value counts as unset, as in server/env.ts.
  if (env.FULCRUM_DEMO || env.DATABASE_URL) return null;
  if (readdirSync(root).some((name) => ENV_FILE.test(name))) return null;
  const dataDir = path.resolve(root, env.FULCRUM_DATA_DIR || ".data");
  const fresh = !existsSync(path.join(dataDir, "pglite"));
  return fresh || existsSync(path.join(dataDir, DEMO_MARKER)) ? dataDir : null;
}

/**
 * Remembers that `npm start` made this data directory a demo. Best effort: a directory
 * that cannot be written gets a clear message from the app when it opens its database.
 * @param {string} dataDir
 */
export function markDemo(dataDir) {
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      path.join(dataDir, DEMO_MARKER),
      "`npm start` turned demo mode on for this data directory, because FULCRUM_DEMO was unset when its database was created.\n" +
        "Later runs of `npm start` keep the demo on while FULCRUM_DEMO stays unset. Delete the directory to start over.\n",
    );
  } catch {
    // Reported by the app, in its own words, when it cannot open the database.
  }
}
