/**
 * Runs once when the server starts: stamp each request with its socket address (for the
 * throttles, see server/client-address.ts), keep SQL and its parameters out of the log
 * (server/log-redaction.ts), open the database, apply migrations and, in demo mode, seed
 * an empty database, so the first request never pays for it; then prune the throttles'
 * old attempts, hourly, and, with SMTP configured, send the outbox's email every minute.
 */
export async function register() {
  // Next.js sets NEXT_RUNTIME itself; the database only exists in the Node.js runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("./server/client-address");
  stampPeerAddresses();
  const { redactQueryErrorsInLogs } = await import("./server/log-redaction");
  redactQueryErrorsInLogs();
  const { openDatabaseAtStart } = await import("./server/db");
  const { closeDatabaseOnExit } = await import("./server/shutdown");
  await openDatabaseAtStart();
  const { startThrottlePruning } = await import("./server/auth/throttle-pruning");
  startThrottlePruning();
  const { startEmailDelivery } = await import("./server/email-delivery");
  startEmailDelivery();
  closeDatabaseOnExit();
}
