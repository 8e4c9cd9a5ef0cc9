import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Transaction } from "@/db/client";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../support/database";
import { selectUncheckedRows } from "../support/raw";

// The settings every connection of the app's PostgreSQL pool starts with (db/client.ts).
describe.skipIf(testDatabaseKind !== "postgres")("the PostgreSQL connections' settings", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  const settings = async (db: Database | Transaction) =>
    (
      await selectUncheckedRows<{ jit: string; timeout: string; name: string }>(
        db,
        sql`SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout, current_setting('application_name') AS name`,
      )
    )[0];

  it("runs without JIT compilation, under the statement timeout, named after the app", async () => {
    expect(await settings(database.db)).toEqual({ jit: "off", timeout: "30s", name: "fulcrum" });
  });

  it("keeps them inside a transaction and on every connection of the pool", async () => {
    await database.db.transaction(async (tx) => expect(await settings(tx)).toMatchObject({ jit: "off" }));
    const all = await Promise.all(Array.from({ length: 8 }, () => settings(database.db)));
    expect(all.every((row) => row?.jit === "off")).toBe(true);
  });
});
