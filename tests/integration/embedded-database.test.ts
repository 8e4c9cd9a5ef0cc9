import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { people } from "@/db/schema";
import { testDatabaseKind } from "../support/database";

const root = mkdtempSync(path.join(os.tmpdir(), "fulcrum-embedded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(testDatabaseKind === "pglite")("the embedded database on disk", () => {
  it("keeps its data across a restart, and migrating again changes nothing", async () => {
    const dataDir = path.join(root, "restart");
    const first = await openPglite(dataDir);
    await first.migrate();
    await first.db.insert(people).values({ name: "Persistent Person", email: "persistent@test.example" });
    await first.close();

    const second = await openPglite(dataDir);
    await second.migrate();
    const rows = await selectUncheckedRows<{ name: string }>(second.db, sql`SELECT name FROM people`);
    expect(rows.map((row) => row.name)).toEqual(["Persistent Person"]);
    await second.close();
  });

  it("refuses a second opener while the first holds the directory", async () => {
    const dataDir = path.join(root, "locked");
    const first = await openPglite(dataDir);
    // Same process: pretend to be another one by writing a live foreign pid into the lock.
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    await expect(openPglite(dataDir)).rejects.toThrow(/is in use by process/);
    writeFileSync(`${dataDir}.lock`, String(process.pid));
    await first.close();
  });
});
