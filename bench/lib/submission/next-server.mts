import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..", "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Every server started and not yet stopped: a run cut short by its time limit stops them all. */
const running = new Set<() => Promise<void>>();

/** Stops every server this process started that is still running. */
export async function stopEveryServer() {
  await Promise.allSettled([...running].map((stop) => stop()));
}

export interface NextServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `next build` of the app in `dir`, with the repository's own Next.js. */
export function buildNext(dir: string) {
  const result = spawnSync(process.execPath, [nextBin, "build", dir], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`next build ${dir} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * `next start` of the built app in `dir` on 127.0.0.1:`port`, with exactly `env` on top of
 * a clean environment (nothing of the caller's DATABASE_, FULCRUM_ or AUTH_ settings leaks
 * in). The process is next-server itself, so stopping it stops the server. Resolves once
 * `ready(url)` holds.
 */
export async function startNext(options: {
  dir: string;
  port: number;
  env: Record<string, string>;
  /** Node.js flags for the server process, such as --cpu-prof. */
  nodeArgs?: string[];
  ready: (url: string) => Promise<boolean>;
  startTimeoutMs?: number;
}): Promise<NextServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await options.ready(url).catch(() => false)) throw new Error(`Something already answers on ${url}: choose another port.`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(env)) if (/^(DATABASE_|FULCRUM_|AUTH_|NEXT_SERVER_)/.test(name)) delete env[name];
  Object.assign(env, options.env);
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), nextBin, "start", options.dir, "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  const stop = async () => {
    running.delete(stop);
    if (ended) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  running.add(stop);

  const deadline = performance.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await options.ready(url).catch(() => false))) {
    if (ended) throw new Error(`next start ${options.dir} exited before it was ready:\n${output.join("").slice(-3000)}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`next start ${options.dir} was not ready in time:\n${output.join("").slice(-3000)}`);
    }
    // Polled often: the app's cold start is timed by this loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, pid: child.pid!, stop };
}
