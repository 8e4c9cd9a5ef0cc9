// `npm run admin:create -- --name "Ada Lovelace" --email ada@example.com`: migrates, then
// creates the first administrator of an empty organisation and prints a one-time link that
// sets their password (none with password sign-in off: they sign in through the company's
// provider). It refuses once anyone exists: every later person is added from the app by an
// administrator. With the embedded database, stop the app first.
import { parseArgs } from "node:util";
import { formatInstant } from "@/lib/dates";
import { createFirstAdmin, firstAdminSchema, OrganisationNotEmpty } from "@/server/dal/bootstrap";
import { env } from "@/server/env";
import { openConfiguredDatabase } from "./open";

const USAGE = 'Usage: npm run admin:create -- --name "Ada Lovelace" --email ada@example.com';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let options: { name?: string; email?: string };
try {
  ({ values: options } = parseArgs({ options: { name: { type: "string" }, email: { type: "string" } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const input = firstAdminSchema.safeParse({ name: options.name ?? "", email: options.email ?? "" });
if (!input.success) fail(`${input.error.issues.map((issue) => issue.message).join("\n")}\n${USAGE}`);

// The link is for the administrator's browser, so it names the address people use.
const origin = env.FULCRUM_PUBLIC_URL ?? "http://localhost:3000";

// The embedded database refuses a second process (the running app, say) with a sentence
// that says so: print it, not a stack trace.
const handle = await openConfiguredDatabase().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
try {
  await handle.migrate();
  // Under the start-up lock: an app instance starting now in demo mode cannot seed the
  // organisation between this check and the insert.
  const created = await handle.exclusively((db) => createFirstAdmin(db, input.data, origin));
  const signIn =
    created.link && created.expiresAt
      ? [
          `Their one-time sign-in link sets their password. It works once, until ${formatInstant(created.expiresAt)} UTC; give it to them only:`,
          "",
          `  ${created.link}`,
          "",
        ]
      : [`Password sign-in is off: they sign in with ${env.oidc?.name ?? "the company's provider"}, with the address ${input.data.email}.`];
  console.log([`${input.data.name} <${input.data.email}> is the first administrator (${handle.kind}).`, ...signIn].join("\n"));
} catch (error) {
  if (!(error instanceof OrganisationNotEmpty)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
