import { writeFileSync } from "node:fs";
import type { MeasurementResult } from "./types.mjs";

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

/** The results as a markdown table, budget rows marked pass or FAIL. */
export function markdownTable(results: readonly MeasurementResult[]): string {
  const lines = [
    "| measurement | runs | p50 ms | p95 ms | min ms | max ms | notes |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...results.map((r) => {
      const verdict = r.budgetMs === undefined ? "" : r.p50 <= r.budgetMs ? ` (within ${r.budgetMs} ms)` : ` (**over ${r.budgetMs} ms**)`;
      return `| ${r.name} | ${r.runs} | ${ms(r.p50)}${verdict} | ${ms(r.p95)} | ${ms(r.min)} | ${ms(r.max)} | ${r.notes ?? ""} |`;
    }),
  ];
  return lines.join("\n");
}

export function writeResults(file: string, data: unknown) {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
