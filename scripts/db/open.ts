import { openPglite, openPostgres } from "@/db/client";
import { env } from "@/server/env";

/** The database the app is configured for, for one-off scripts. Stop the app first when it is embedded. */
export async function openConfiguredDatabase() {
  return env.DATABASE_URL
    ? openPostgres({ url: env.DATABASE_URL, poolMax: 4, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS })
    : openPglite(env.pgliteDir);
}
