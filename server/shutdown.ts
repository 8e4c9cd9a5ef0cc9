import "server-only";
import { closeDatabase } from "./db";

let installed = false;

/**
 * On SIGTERM or SIGINT, `next start` stops accepting connections, lets in-flight requests
 * finish and then calls process.exit. Closing the pool any earlier would fail those
 * requests, so the close is slotted in just before that exit.
 */
export function closeDatabaseOnExit() {
  if (installed) return;
  installed = true;
  const exit = process.exit.bind(process);
  const onSignal = () => {
    process.exit = ((code?: number) => {
      void closeDatabase()
        .catch(() => {})
        .finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
