import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Locator, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { people } from "@/db/schema";
import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";
import { inspectInvitation } from "@/server/dal/invitations";
import { type AppServer, spawnApp, startApp } from "./support/app-server";
import { send } from "./support/http";
import { freePort } from "./support/ports";

// Finding L8: demo mode was on unless FULCRUM_DEMO=off, so a deployment that forgot the
// variable got an administrator whose password the sign-in page printed. Now only
// FULCRUM_DEMO=on, or `npm start` on a fresh clone, seeds the demo; a production start on an
// empty database seeds nothing and says how to create the first administrator.
const EMPTY_DATABASE =
  "This database is empty. Set FULCRUM_DEMO=on for the demo organisation, or create the first admin with `npm run admin:create -- --name … --email …`";

let root: string;
test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "fulcrum-faults-first-start-"));
});
test.afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const secrets = () => ({ AUTH_SECRET: randomBytes(48).toString("base64url"), FULCRUM_SEAL_KEY: randomBytes(32).toString("base64") });

async function peopleIn(dataDir: string) {
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    const [row] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(people);
    return row!.count;
  } finally {
    await handle.close();
  }
}

async function exitOf(app: AppServer) {
  try {
    return await Promise.race([app.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Still running:\n${app.output()}`)), 60_000))]);
  } finally {
    await app.stop();
  }
}

/** The environment of a process of our own: the test runner's, without any app setting. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(childEnv)) if (/^(DATABASE_|FULCRUM_|AUTH_|NEXT_SERVER_|SMTP_)/.test(name)) delete childEnv[name];
  return Object.assign(childEnv, env);
}

/** `npm run admin:create -- …`, exactly as an operator types it. */
function adminCreate(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync("npm", ["run", "admin:create", "--", ...args], { env: cleanEnv(env), encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Clicks a submit button once React has hydrated it (see tests/e2e/fixtures.ts). */
async function submitWith(button: Locator) {
  await expect(button).toBeEnabled();
  await expect.poll(() => button.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$")))).toBe(true);
  await button.click();
}

test("a production start with FULCRUM_DEMO unset seeds no demo on an empty database, and says how to begin", async () => {
  const dataDir = path.join(root, "data");
  const app = await startApp({ env: { FULCRUM_DATA_DIR: dataDir, ...secrets() } });
  try {
    const login = await send(`${app.url}/login`);
    expect(login.status).toBe(200);
    expect(login.text).toContain("Sign in");
    expect(login.text.includes("Demo accounts"), "the sign-in page lists demo accounts").toBe(false);
    expect(login.text.includes(DEMO_PASSWORD), "the sign-in page prints the demo password").toBe(false);
    expect(app.output()).toContain(EMPTY_DATABASE);
    expect(app.output()).toContain("while the app is stopped");
  } finally {
    await app.stop();
  }
  expect(await peopleIn(dataDir)).toBe(0);
  // The demo's generated secrets are not made either: this server was given its own.
  expect(existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  expect(existsSync(path.join(dataDir, "seal-key"))).toBe(false);
});

test("a production start with FULCRUM_DEMO unset and no secrets stops and names them", async () => {
  const dataDir = path.join(root, "data");
  const app = await spawnApp({ env: { FULCRUM_DATA_DIR: dataDir } });
  const exit = await exitOf(app);
  const output = app.output();
  expect(exit.code, output).toBe(1);
  expect(output).toContain(
    "Fulcrum cannot start. AUTH_SECRET is required unless FULCRUM_DEMO=on: at least 32 characters (openssl rand -base64 48). FULCRUM_SEAL_KEY is required unless FULCRUM_DEMO=on: 32 bytes in base64 (openssl rand -base64 32), and it must be backed up.",
  );
  expect(output).not.toMatch(/^\s+at /m);
  expect(existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
});

test("npm run admin:create makes the first administrator of an empty database, once, with a link that signs them in", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = path.join(root, "data");
  const publicUrl = "https://fulcrum.example.com";
  const created = adminCreate({ FULCRUM_DATA_DIR: dataDir, FULCRUM_PUBLIC_URL: publicUrl }, "--name", "Ada Lovelace", "--email", "Ada@Example.com");
  expect(created.status, created.output).toBe(0);
  expect(created.output).toContain("Ada Lovelace <ada@example.com> is the first administrator (pglite).");
  const token = created.output.match(/https:\/\/fulcrum\.example\.com\/invite\/([A-Za-z0-9_-]{43})\n/)?.[1];
  expect(token, created.output).toBeDefined();

  // A second run refuses, whoever it names.
  const again = adminCreate({ FULCRUM_DATA_DIR: dataDir }, "--name", "Mallory", "--email", "mallory@example.com");
  expect(again.status).toBe(1);
  expect(again.output).toContain("This database already has a person in it: admin:create only creates the first administrator of an empty organisation.");
  const handle = await openPglite(path.join(dataDir, "pglite"));
  try {
    expect(await inspectInvitation(handle.db, token!)).toEqual({ name: "Ada Lovelace", email: "ada@example.com" });
  } finally {
    await handle.close();
  }

  const app = await startApp({ env: { FULCRUM_DATA_DIR: dataDir, ...secrets() } });
  try {
    expect(app.output()).not.toContain("This database is empty");
    // The embedded database admits one process: the script says so instead of breaking it.
    const busy = adminCreate({ FULCRUM_DATA_DIR: dataDir }, "--name", "Mallory", "--email", "mallory@example.com");
    expect(busy.status).toBe(1);
    expect(busy.output).toMatch(/The embedded database in .+ is in use by process \d+\. Stop that process first/);

    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const password = "violet harbour lantern 42";
    await page.goto(`/invite/${token}`);
    await expect(page.getByText("Welcome, Ada Lovelace. Choose a password for ada@example.com.")).toBeVisible();
    await page.getByLabel("New password").fill(password);
    await page.getByLabel("Type it again").fill(password);
    await submitWith(page.getByRole("button", { name: "Set password" }));
    await expect(page.getByText("Your password is set.")).toBeVisible();
    await page.getByLabel("Work email").fill("ada@example.com");
    await page.getByLabel("Password").fill(password);
    await submitWith(page.getByRole("button", { name: "Sign in" }));
    await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
    expect((await page.goto("/admin/people"))?.status()).toBe(200);
    await expect(page.getByRole("row").filter({ hasText: "ada@example.com" })).toBeVisible();
    await context.close();
  } finally {
    await app.stop();
  }
});

/** `npm start` (scripts/start.mjs) in its own process group, so that stopping it stops `next start` too. */
async function npmStart(env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
    await exited;
    // `next start` got the signal too, and ends once it has closed the embedded database,
    // which removes the database's lock file.
    const deadline = performance.now() + 20_000;
    while (performance.now() < deadline && existsSync(`${path.join(env.FULCRUM_DATA_DIR!, "pglite")}.lock`))
      await new Promise((resolve) => setTimeout(resolve, 200));
  };
  // A source changed since the last build means a build first: give it time.
  const deadline = performance.now() + 280_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    if (
      await send(`${url}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      )
    )
      return { url, output: () => chunks.join(""), stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`npm start did not become healthy:\n${chunks.join("")}`);
}

test("npm start on a fresh clone still serves the demo, and keeps serving it", async () => {
  test.setTimeout(600_000);
  const dataDir = path.join(root, "data");
  for (const start of ["first", "second"]) {
    // A newcomer sets nothing: no FULCRUM_DEMO, no DATABASE_URL, no secrets.
    const app = await npmStart({ FULCRUM_DATA_DIR: dataDir });
    try {
      expect(app.output(), start).toContain(`Fulcrum: demo mode is on: the embedded database in ${dataDir} gets the demo organisation`);
      const login = await send(`${app.url}/login`);
      expect(login.text.includes("Demo accounts"), `${start} start: the sign-in page lists the demo accounts`).toBe(true);
    } finally {
      await app.stop();
    }
  }
  expect(await peopleIn(dataDir)).toBeGreaterThan(50);
});
