import "server-only";

/**
 * What the server prints when a database query fails. Drizzle's error carries the SQL and
 * every parameter in its message, and Next.js prints an unexpected error's message to the
 * log: an email, a name or a comment could end up there. The database's own message can
 * quote a value too. So a failed query is logged by its SQLSTATE alone.
 */
interface QueryError extends Error {
  query: unknown;
  params: unknown;
  digest?: string;
}

const isQueryError = (value: unknown): value is QueryError => value instanceof Error && "query" in value && "params" in value;

function sqlState(error: Error): string {
  for (let current: unknown = error.cause; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "unknown";
}

/** The same error, with nothing of the query in its message or stack. */
export function redactedQueryError(error: QueryError): Error {
  const redacted = new Error(`A database query failed (SQLSTATE ${sqlState(error)}).`);
  redacted.name = "DatabaseQueryError";
  redacted.stack = `${redacted.name}: ${redacted.message}`;
  // Next.js prints the digest that the error page shows, to find the entry in the log.
  if (error.digest) Object.assign(redacted, { digest: error.digest });
  return redacted;
}

/** Run once in the server process (instrumentation.ts): every console.error goes through it. */
export function redactQueryErrorsInLogs() {
  const print = console.error.bind(console);
  console.error = (...values: unknown[]) => print(...values.map((value) => (isQueryError(value) ? redactedQueryError(value) : value)));
}
