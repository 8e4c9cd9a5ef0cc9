// `npm run db:seed:large [-- --managers N] [--vps N] [--cycles N] [--open-cycle]`: migrates,
// then loads a large organisation (by default about 2,000 managers, 25,000 reps and 12
// closed cycles) into an empty PostgreSQL database, for load tests and `npm run bench`.
// --managers scales the reps with it (12.5 a manager, as the default), --vps 1 puts every
// team below one VP, and --open-cycle adds this quarter's cycle, open, with sealed answers.
// It refuses to run on the embedded database.
import { parseArgs } from "node:util";
import { openPostgres } from "@/db/client";
import { seedLarge } from "@/server/internal/seed/large";
import { env } from "@/server/env";

const REPS_PER_MANAGER = 12.5;

const { values } = parseArgs({
  options: {
    managers: { type: "string" },
    vps: { type: "string" },
    cycles: { type: "string" },
    "open-cycle": { type: "boolean", default: false },
  },
});
/** A whole number of at least `min` from the command line, or undefined when absent. */
function count(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not “${text}”.`);
    process.exit(1);
  }
  return value;
}
const managers = count("managers", values.managers, 1);
const vps = count("vps", values.vps, 1);
const cycles = count("cycles", values.cycles, 1);

if (!env.DATABASE_URL) {
  console.error(
    "The large seed runs on PostgreSQL only: set DATABASE_URL to an empty database, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/fulcrum_large npm run db:seed:large",
  );
  process.exit(1);
}

// Bulk statements over hundreds of thousands of rows need more than the app's timeout.
const handle = openPostgres({ url: env.DATABASE_URL, poolMax: 4, statementTimeoutMs: 30 * 60_000 });
try {
  await handle.migrate();
  await seedLarge(handle.db, {
    ...(managers !== undefined && { managers, reps: Math.round(managers * REPS_PER_MANAGER) }),
    vps,
    cycles,
    openCycle: values["open-cycle"],
    log: (message) => console.log(message),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
