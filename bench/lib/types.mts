/**
 * One row of the benchmark table: a figure, the floor it is compared with, and the target
 * it must meet if it has one. Every row says what it is; the table prints the ratio.
 */
export interface Row {
  /** The table's section: "Submission (PostgreSQL)", "Pages, large seed", "Build", … */
  section: string;
  /** What was measured, e.g. "server action, 50 concurrent: throughput". */
  name: string;
  value: number;
  unit: Unit;
  /** The same work done the fastest way we know (pgbench, a bare route, hand-written SQL). */
  floor?: { name: string; value: number };
  /** What the issue asks of this figure, and whether this run met it. */
  target?: { text: string; met: boolean };
  /** Facts worth printing beside it: p95, rows, bytes, errors. */
  notes?: string;
}

export type Unit = "µs" | "ms" | "req/s" | "KB" | "MB" | "s" | "rows/s";

/** Units where more is better: the ratio to the floor is then value ÷ floor, shown as a share. */
export const HIGHER_IS_BETTER: ReadonlySet<Unit> = new Set(["req/s", "rows/s"]);

/** What a closed-loop load run measured: completed requests and their latencies. */
export interface LoadSummary {
  /** Requests that completed as intended (e.g. "saved"), per second of the run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed as intended. */
  ok: number;
  /** Anything else: an HTTP error, a refusal, a timeout. Reported, never hidden. */
  failed: number;
  durationMs: number;
  concurrency: number;
}
