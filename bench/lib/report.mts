import { writeFileSync } from "node:fs";
import { HIGHER_IS_BETTER, type Row, type Unit } from "./types.mjs";

const figure = (value: number, unit: Unit) => {
  if (!Number.isFinite(value)) return "–";
  const digits = unit === "req/s" || unit === "rows/s" || value >= 100 ? 0 : 1;
  return `${value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
};

/** How far the figure is from its floor: a share of it when more is better, a multiple when less is. */
export function ratio(row: Row): string {
  if (!row.floor || !(row.floor.value > 0)) return "";
  // A failed measurement has no figure, so no ratio either.
  if (!Number.isFinite(row.value)) return "–";
  const r = row.value / row.floor.value;
  return HIGHER_IS_BETTER.has(row.unit) ? `${Math.round(r * 100)}%` : `${r.toFixed(2)}×`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** One markdown table: every row with its floor, the ratio between them, and its target. */
export function markdownTable(rows: readonly Row[]): string {
  return [
    "| section | measurement | figure | floor | ratio | target | notes |",
    "|---|---|---:|---|---:|---|---|",
    ...rows
      .map((row) =>
        [
          row.section,
          row.name,
          figure(row.value, row.unit),
          row.floor ? `${row.floor.name}: ${figure(row.floor.value, row.unit)}` : "",
          ratio(row),
          row.target ? `${row.target.text} ${row.target.met ? "✓" : "**missed**"}` : "",
          row.notes ?? "",
        ]
          .map(cell)
          .join(" | "),
      )
      .map((line) => `| ${line} |`),
  ].join("\n");
}

export function writeResults(file: string, data: unknown) {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
