import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openPglite } from "@/db/client";
import { spawnApp, startApp } from "./support/app-server";

// `npm start` on an embedded database it cannot write must say so in one clear sentence
// and stop, instead of serving errors with stack traces.
let root: string;
test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "fulcrum-faults-data-"));
});
test.afterEach(() => {
  execFileSync("chmod", ["-R", "u+w", root]);
  rmSync(root, { recursive: true, force: true });
});

const asRoot = process.getuid?.() === 0;
// Root ignores file permissions; without CAP_DAC_OVERRIDE it has to respect them.
const respectingPermissions = asRoot ? ["setpriv", "--bounding-set=-dac_override", "--"] : [];

async function existingDatabase(dataDir: string) {
  const handle = await openPglite(path.join(dataDir, "pglite"));
  await handle.migrate();
  await handle.close();
}

async function expectClearRefusal(dataDir: string, prefix: string[]) {
  const app = await spawnApp({ env: { FULCRUM_DATA_DIR: dataDir, FULCRUM_DEMO: "on" }, prefix });
  const exit = await Promise.race([app.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(app.output())), 60_000))]);
  const output = app.output();
  expect(exit.code, output).toBe(1);
  expect(output).toContain(
    `Fulcrum cannot start. The embedded database in ${path.join(dataDir, "pglite")} could not be opened: check that the directory is writable and the disk is not full.`,
  );
  // One sentence, not a stack trace.
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/Error:|EACCES|EROFS|ENOSPC/);
}

test("a read-only data directory", async () => {
  const dataDir = path.join(root, "data");
  await existingDatabase(dataDir);
  execFileSync("chmod", ["-R", "a-w", dataDir]);
  await expectClearRefusal(dataDir, respectingPermissions);
});

test("a read-only database directory in a writable data directory", async () => {
  const dataDir = path.join(root, "data");
  await existingDatabase(dataDir);
  execFileSync("chmod", ["-R", "a-w", path.join(dataDir, "pglite")]);
  await expectClearRefusal(dataDir, respectingPermissions);
});

test("a full disk", async () => {
  const dataDir = path.join(root, "disk");
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o755);
  // A real full disk is a tiny tmpfs, where mounting is allowed; elsewhere a file-size
  // limit makes the same writes fail.
  let mounted = false;
  try {
    if (asRoot) {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", dataDir], { stdio: "pipe" });
      mounted = true;
    }
  } catch {
    // Not permitted here (a container without CAP_SYS_ADMIN, say): use the limit.
  }
  try {
    await expectClearRefusal(dataDir, mounted ? [] : ["prlimit", "--fsize=3000000", "--"]);
  } finally {
    if (mounted) execFileSync("umount", [dataDir]);
  }
});

test("a seal key other than the one the open cycle's answers were sealed with", async () => {
  test.setTimeout(240_000);
  const dataDir = path.join(root, "sealed");
  const env = { FULCRUM_DATA_DIR: dataDir, FULCRUM_DEMO: "on" };
  // The first start seeds the demo, whose latest cycle is open, with answers sealed under this key.
  const first = await startApp({ env: { ...env, FULCRUM_SEAL_KEY: randomBytes(32).toString("base64") } });
  await first.stop();
  const app = await spawnApp({ env: { ...env, FULCRUM_SEAL_KEY: randomBytes(32).toString("base64") } });
  const exit = await Promise.race([app.exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(app.output())), 60_000))]);
  const output = app.output();
  expect(exit.code, output).toBe(1);
  expect(output).toMatch(
    /Fulcrum cannot start\. FULCRUM_SEAL_KEY is not the key that sealed the answers of .+: they could not be opened at the close\. Start with the key those cycles were opened with\./,
  );
  expect(output).not.toMatch(/^\s+at /m);
});
