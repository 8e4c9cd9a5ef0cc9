import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { root, startNext } from "./submission/next-server.mjs";

/**
 * Builds the production app when its sources changed since the last build. The start
 * script decides; asked for `next start`'s help, it builds if needed and serves nothing.
 */
export function ensureBuild(log: (line: string) => void): number {
  const started = performance.now();
  log("Building the production app if its sources changed…");
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs"), "--help"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`The production build failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

export interface RunningApp {
  baseUrl: string;
  pid: number;
  /** From spawning `next start` to the first 200 on /login. */
  coldStartMs: number;
  /** Resident memory of the server process now, in MB. */
  rssMB(): number;
  stop(): Promise<void>;
}

async function loginAnswers200(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/login`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/**
 * The product's production build under `next start` on 127.0.0.1 only, configured by
 * nothing but `env` (demo mode off). The process is next-server itself, so its memory is
 * the server's.
 */
export async function startApp(options: { port: number; env: Record<string, string>; nodeArgs?: string[] }): Promise<RunningApp> {
  const started = performance.now();
  const server = await startNext({
    dir: ".",
    port: options.port,
    env: { FULCRUM_DEMO: "off", ...options.env },
    nodeArgs: options.nodeArgs,
    ready: loginAnswers200,
    startTimeoutMs: 120_000,
  });
  const coldStartMs = performance.now() - started;
  const rssMB = () => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024;
  return { baseUrl: server.url, pid: server.pid, coldStartMs, rssMB, stop: server.stop };
}
