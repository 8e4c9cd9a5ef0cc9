// `npm run db:seed:large`: migrates, then loads a large organisation (about 2,000 managers,
// 25,000 reps and 12 closed cycles) into an empty PostgreSQL database, for load tests and
// `npm run bench`. It refuses to run on the embedded database.
import { openPostgres } from "@/db/client";
import { seedLarge } from "@/server/internal/seed/large";
import { env } from "@/server/env";

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
  await seedLarge(handle.db, { log: (message) => console.log(message) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
