import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "./client";

/**
 * The rows of a hand-written query do not have the shape their schema says. The message
 * names the columns at fault and what was expected there, never a value: rows hold
 * personal data, and this message may reach a log. The ZodError is not kept either.
 */
export class RowShapeError extends Error {
  override readonly name = "RowShapeError";
}

// A path segment that is not a plain identifier came from the data (a key of a JSON
// object checked with a record schema, say), not from the schema: it is not repeated.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const columnOf = (path: readonly PropertyKey[]) =>
  path.map((segment) => (typeof segment === "number" ? "[]" : typeof segment === "string" && IDENTIFIER.test(segment) ? segment : "?")).join(".") || "(row)";

/** What went wrong, by column: the path and the kind of problem, without the input, its message or anything else from the data. */
function describeIssues(issues: readonly z.core.$ZodIssue[], rowCount: number): string {
  const failingRows = new Set<PropertyKey>();
  const problems = new Set<string>();
  for (const issue of issues) {
    const [row, ...column] = issue.path;
    failingRows.add(row ?? "");
    problems.add(`${columnOf(column)} (${issue.code}${issue.code === "invalid_type" ? `, expected ${issue.expected}` : ""})`);
  }
  const listed = [...problems].slice(0, 10).join(", ") + (problems.size > 10 ? `, and ${problems.size - 10} more` : "");
  return `${failingRows.size} of ${rowCount} rows of a raw query do not match their schema: ${listed}`;
}

/**
 * Runs a hand-written query and returns its rows, each checked against `rowSchema`, the
 * zod schema of one row (its properties camelCase, as the query aliases them). Neither
 * driver knows what a raw query returns, and they do not always agree: a `count(*)` or
 * another bigint is a number on PGlite and a string on postgres.js, an enum array a
 * string on PGlite and an array on postgres.js. Cast in the SQL (`::int`, `::text`,
 * `array_to_json`) so that both return the type the schema asks for; a row that does not
 * match throws a RowShapeError. postgres.js hands back an array and PGlite an object with
 * `rows`; callers need not care which.
 *
 * Tests and benchmarks have an unchecked form, `selectUncheckedRows` in tests/support/raw.ts,
 * which nothing else may import (eslint.config.mjs).
 */
export async function selectRows<RowSchema extends z.ZodType>(db: Database | Transaction, query: SQL, rowSchema: RowSchema): Promise<z.output<RowSchema>[]> {
  const result: unknown = await db.execute(query);
  const rows: unknown = Array.isArray(result) ? result : (result as { rows: unknown }).rows;
  const parsed = z.array(rowSchema).safeParse(rows, { reportInput: false });
  if (parsed.success) return parsed.data;
  throw new RowShapeError(describeIssues(parsed.error.issues, Array.isArray(rows) ? rows.length : 0));
}
