import "server-only";
import { getDb } from "@/server/db";
import { pruneLoginFailures } from "./throttle";

const EVERY_MS = 60 * 60_000;

/**
 * Prunes the throttles' old attempts now and every hour, in this server process (started
 * by instrumentation.ts). Each instance prunes; deleting rows another instance already
 * deleted costs nothing. A failure is logged and the next hour tries again.
 */
export function startThrottlePruning() {
  const prune = async () => {
    try {
      await pruneLoginFailures(await getDb());
    } catch (error) {
      console.error(`pruning old sign-in attempts failed: ${error instanceof Error ? error.name : "unknown error"}`);
    }
  };
  void prune();
  // unref: the timer never keeps a stopping server alive.
  setInterval(() => void prune(), EVERY_MS).unref();
}
