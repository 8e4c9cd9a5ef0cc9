import type { Row } from "../types.mjs";
import type { SubmissionResult, SubmissionRun } from "./measure.mjs";

/** The targets hold at this concurrency. */
const TARGET_CONCURRENCY = 50;
const THROUGHPUT_SHARE = 0.7;
const P99_FACTOR = 1.5;

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

function notes(result: SubmissionResult): string {
  const parts = [
    `p50 ${ms(result.p50)} / p95 ${ms(result.p95)} / p99 ${ms(result.p99)} ms`,
    `${result.ok} saved in ${(result.durationMs / 1000).toFixed(1)} s`,
  ];
  if (result.sent.failed > 0) parts.push(`${result.failed} failed in the window (${result.sent.failed} in all): ${result.failures.slice(0, 2).join("; ")}`);
  if (result.exhausted) parts.push("ran out of raters, the window ended early");
  if (result.integrity.length > 0) parts.push(`INTEGRITY: ${result.integrity.join("; ")}`);
  return parts.join(", ");
}

/**
 * The submission rows of the table for each concurrency: the server action against the
 * bare route (with the targets at 50 concurrent), the bare route against pgbench,
 * and pgbench itself. Notes carry the percentiles, failures and any integrity problem.
 */
export function submissionRows(section: string, runs: readonly SubmissionRun[]): Row[] {
  return runs.flatMap(({ concurrency, serverAction: action, bareRoute: bare, pgbench }) => {
    const at = `${concurrency} concurrent`;
    const targeted = concurrency === TARGET_CONCURRENCY && bare !== undefined;
    const rows: Row[] = [
      {
        section,
        name: `server action, ${at}: throughput`,
        value: action.rps,
        unit: "req/s",
        floor: bare && { name: "bare route", value: bare.rps },
        target: targeted ? { text: `≥ ${THROUGHPUT_SHARE * 100}% of the bare route's`, met: action.rps >= THROUGHPUT_SHARE * bare.rps } : undefined,
        notes: notes(action),
      },
      {
        section,
        name: `server action, ${at}: p99`,
        value: action.p99,
        unit: "ms",
        floor: bare && { name: "bare route", value: bare.p99 },
        target: targeted ? { text: `≤ ${P99_FACTOR}× the bare route's`, met: action.p99 <= P99_FACTOR * bare.p99 } : undefined,
      },
      { section, name: `server action, ${at}: p50`, value: action.p50, unit: "ms", floor: bare && { name: "bare route", value: bare.p50 } },
    ];
    if (bare) {
      rows.push(
        {
          section,
          name: `bare route, ${at}: throughput`,
          value: bare.rps,
          unit: "req/s",
          floor: pgbench && { name: "pgbench", value: pgbench.rps },
          notes: notes(bare),
        },
        { section, name: `bare route, ${at}: p99`, value: bare.p99, unit: "ms", floor: pgbench && { name: "pgbench", value: pgbench.p99 } },
      );
    }
    if (pgbench) rows.push({ section, name: `pgbench, ${at}: throughput`, value: pgbench.rps, unit: "req/s", notes: notes(pgbench) });
    return rows;
  });
}

/** Everything that should fail the benchmark run: written rows that differ from what was reported saved. */
export function submissionProblems(runs: readonly SubmissionRun[]): string[] {
  return runs.flatMap((run) =>
    Object.entries({ "server action": run.serverAction, "bare route": run.bareRoute, pgbench: run.pgbench }).flatMap(([name, result]) =>
      (result?.integrity ?? []).map((problem) => `${name}, ${run.concurrency} concurrent: ${problem}`),
    ),
  );
}
