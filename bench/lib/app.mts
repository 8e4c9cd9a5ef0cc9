import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Builds the production app when its sources changed since the last build (scripts/start.mjs
 * decides), then serves it on 127.0.0.1 against `databaseUrl`, with demo mode off and a
 * throwaway session secret. Resolves once /api/health answers 200.
 */
export async function startApp(options: { databaseUrl: string; port: number; startTimeoutMs: number; log: (line: string) => void }): Promise<RunningApp> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  if (await healthy(baseUrl)) throw new Error(`Something already answers on ${baseUrl}: choose another BENCH_PORT.`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    FULCRUM_DEMO: "off",
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "--port", String(options.port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? -1;
  });

  const stop = async () => {
    if (exited !== null || child.pid === undefined) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    // The start script runs `next build` and `next start` as children: end the whole group.
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && exited === null && process.kill(-child.pid, "SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
  };

  const deadline = Date.now() + options.startTimeoutMs;
  options.log(`Starting the app on ${baseUrl} (building first if the sources changed)…`);
  while (!(await healthy(baseUrl))) {
    if (exited !== null) throw new Error(`The app exited with code ${exited} before it was ready:\n${output.slice(-30).join("\n")}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app was not ready within ${Math.round(options.startTimeoutMs / 1000)} s:\n${output.slice(-30).join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, stop };
}
