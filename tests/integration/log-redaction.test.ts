import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactedQueryError } from "@/server/log-redaction";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe("a failed query, as the log prints it", () => {
  it("says which SQLSTATE, and nothing of the statement, its parameters or the value that failed", async () => {
    const secret = "rita.rep@example.com";
    const error = await database.db.execute(sql`SELECT ${"0000-01-01"}::date, ${secret}::text`).catch((caught: unknown) => caught as Error);
    // What Drizzle raises carries the statement and every parameter.
    expect(String(error)).toContain(secret);
    const redacted = redactedQueryError(error as Parameters<typeof redactedQueryError>[0]);
    expect(redacted.message).toMatch(/^A database query failed \(SQLSTATE [0-9A-Z]{5}\)\.$/);
    expect(`${redacted.message} ${redacted.stack}`).not.toMatch(/rita|0000-01-01|select|params/i);
  });
});
