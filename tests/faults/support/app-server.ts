import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "./ports";

export interface AppServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr together. */
  output(): string;
  /** Settles once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not ended within 15 seconds. */
  stop(): Promise<void>;
}

export interface AppOptions {
  env: Record<string, string>;
  /** A command the server runs under, e.g. one that drops a privilege. */
  prefix?: string[];
}

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/**
 * `next start` on the production build, on a free port of 127.0.0.1. The process is
 * next-server itself, so a signal sent to it is the signal a container runtime sends.
 */
export async function spawnApp({ env, prefix = [] }: AppOptions): Promise<AppServer> {
  const port = await freePort();
  // Only what the test asks for configures the app, never the environment the tests run in.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(childEnv)) if (/^(DATABASE_|FULCRUM_|AUTH_|NEXT_SERVER_)/.test(name)) delete childEnv[name];
  Object.assign(childEnv, env);
  const [command, ...args] = [...prefix, process.execPath, nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"];
  const child = spawn(command!, args, {
    cwd: process.cwd(),
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => chunks.join(""),
    exited,
    stop: async () => {
      if (ended) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Starts the app and waits until its health check answers 200. */
export async function startApp(options: AppOptions): Promise<AppServer> {
  const app = await spawnApp(options);
  let exit: { code: number | null } | undefined;
  void app.exited.then((result) => (exit = result));
  const deadline = performance.now() + 90_000;
  while (performance.now() < deadline && !exit) {
    const healthy = await fetch(`${app.url}/api/health`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) return app;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await app.stop();
  throw new Error(`The app did not become healthy${exit ? ` (it exited with ${exit.code})` : ""}:\n${app.output()}`);
}

/** Secrets for instances that must accept each other's session cookies and forms. */
export function sharedSecrets() {
  return {
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // Either instance may close a cycle whose answers the other sealed.
    FULCRUM_SEAL_KEY: randomBytes(32).toString("base64"),
  };
}

/** The environment of an instance on PostgreSQL that seeds the demo organisation. */
export function onPostgres(url: string, secrets = sharedSecrets()): Record<string, string> {
  return { DATABASE_URL: url, FULCRUM_DEMO: "on", ...secrets };
}
