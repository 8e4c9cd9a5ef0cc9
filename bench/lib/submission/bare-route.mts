import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { clock } from "@/lib/clock";
import { keepAliveAgent, post } from "../http.mjs";
import { type LoadResult, runLoad } from "../load.mjs";
import { answersFor } from "./answers.mjs";
import { buildNext, type NextServer, root, startNext } from "./next-server.mjs";
import type { RaterQueue } from "./raters.mjs";

const dir = path.join(root, "bench", "bare-route");
const SOURCES = ["app/api/submit/route.ts", "seal.ts", "instrumentation.ts", "next.config.ts", "tsconfig.json"];

/** Builds bench/bare-route when it has no build yet or its sources are newer than the build. */
export function buildBareRoute() {
  const built = path.join(dir, ".next", "BUILD_ID");
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (SOURCES.some((file) => statSync(path.join(dir, file)).mtimeMs > builtAt)) buildNext(dir);
}

/**
 * Serves the bare route handler (bench/bare-route) on 127.0.0.1:`port` against PostgreSQL,
 * with the pool size the app gets, building it first if needed.
 */
export async function startBareRoute(options: { databaseUrl: string; port: number; poolMax: number; nodeArgs?: string[] }): Promise<NextServer> {
  buildBareRoute();
  return startNext({
    dir,
    port: options.port,
    env: { DATABASE_URL: options.databaseUrl, DATABASE_POOL_MAX: String(options.poolMax) },
    nodeArgs: options.nodeArgs,
    // Its one route takes POST only: any answer at all means the server is up.
    ready: async (url) => (await fetch(`${url}/api/submit`, { signal: AbortSignal.timeout(2_000) })).status === 405,
  });
}

/** The same submissions as the server action's, posted as JSON to the bare route, each by a rater who has not answered yet. */
export async function runBareRoute(options: {
  url: string;
  raters: RaterQueue;
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
}): Promise<LoadResult> {
  const agent = keepAliveAgent(options.concurrency);
  let n = 0;
  try {
    return await runLoad({
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      warmupMs: options.warmupMs ?? 2_000,
      next: () => {
        const rater = options.raters.next();
        if (!rater) return undefined;
        const { raterId, cycleId, managerId } = rater;
        return JSON.stringify({ raterId, cycleId, managerId, submittedOn: clock.today(), comment: null, answers: answersFor(n++) });
      },
      send: async (body, signal) => {
        const response = await post(`${options.url}/api/submit`, { agent, headers: { "Content-Type": "application/json" }, body, signal });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 120)}`);
      },
    });
  } finally {
    agent.destroy();
  }
}
