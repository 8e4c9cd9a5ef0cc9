import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MARKER, markDemo, newcomerDemoDir } from "@/scripts/demo-default.mjs";

// When `npm start` turns demo mode on (scripts/start.mjs): for the newcomer on a fresh
// clone, and for nobody whose setup says anything else.
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "fulcrum-demo-default-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const embeddedDatabase = (dataDir: string) => mkdirSync(path.join(dataDir, "pglite"), { recursive: true });

describe("npm start's demo default", () => {
  it("turns the demo on for a fresh clone: nothing set, no database yet", () => {
    expect(newcomerDemoDir(root, {})).toBe(path.join(root, ".data"));
    expect(newcomerDemoDir(root, { FULCRUM_DEMO: "", DATABASE_URL: "" })).toBe(path.join(root, ".data"));
    expect(newcomerDemoDir(root, { FULCRUM_DATA_DIR: "elsewhere" })).toBe(path.join(root, "elsewhere"));
    expect(newcomerDemoDir(root, { FULCRUM_DATA_DIR: "/srv/fulcrum" })).toBe("/srv/fulcrum");
  });

  it("leaves FULCRUM_DEMO alone when it is set either way", () => {
    expect(newcomerDemoDir(root, { FULCRUM_DEMO: "on" })).toBeNull();
    expect(newcomerDemoDir(root, { FULCRUM_DEMO: "off" })).toBeNull();
  });

  it("never turns it on for PostgreSQL, or where a .env file may say otherwise", () => {
    expect(newcomerDemoDir(root, { DATABASE_URL: "postgres://fulcrum@db.internal/fulcrum" })).toBeNull();
    for (const file of [".env", ".env.local", ".env.production", ".env.production.local"]) {
      writeFileSync(path.join(root, file), "DATABASE_URL=postgres://fulcrum@db.internal/fulcrum\n");
      expect(newcomerDemoDir(root, {}), file).toBeNull();
      rmSync(path.join(root, file));
    }
    // An example is only an example: Next.js does not load it.
    writeFileSync(path.join(root, ".env.example"), "FULCRUM_DEMO=off\n");
    expect(newcomerDemoDir(root, {})).toBe(path.join(root, ".data"));
  });

  it("never turns it on for an embedded database that it did not make a demo", () => {
    embeddedDatabase(path.join(root, ".data"));
    expect(newcomerDemoDir(root, {})).toBeNull();
  });

  it("keeps it on for the demo it made, start after start", () => {
    const dataDir = newcomerDemoDir(root, {})!;
    markDemo(dataDir);
    embeddedDatabase(dataDir);
    expect(readFileSync(path.join(dataDir, DEMO_MARKER), "utf8")).toContain("`npm start` turned demo mode on");
    expect(newcomerDemoDir(root, {})).toBe(dataDir);
    // Turning it off is still one variable away.
    expect(newcomerDemoDir(root, { FULCRUM_DEMO: "off" })).toBeNull();
  });

  it("leaves a data directory it cannot write to the app, which says what is wrong", () => {
    const blocked = path.join(root, "file");
    writeFileSync(blocked, "not a directory");
    expect(() => markDemo(path.join(blocked, "data"))).not.toThrow();
    expect(existsSync(path.join(blocked, "data"))).toBe(false);
  });
});
