/**
 * Runs once when the server starts: open the database, apply migrations and, in demo
 * mode, seed an empty database, so the first request never pays for it.
 */
export async function register() {
  // Next.js sets NEXT_RUNTIME itself; the database only exists in the Node.js runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDatabaseAtStart } = await import("./server/db");
  const { closeDatabaseOnExit } = await import("./server/shutdown");
  await openDatabaseAtStart();
  closeDatabaseOnExit();
}
