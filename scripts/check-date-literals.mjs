// A guard in `npm test`: tests, fixtures, benchmarks and seeds take their dates from the
// app's clock, so that they pass on any day. This fails on a date of 2000–2099 written into
// them (as "2026-05-01", or as new Date(2026, …) / Date.UTC(2026, …)) unless the line, or
// the line above it, says why that one date is the point: `fixed-date: <why>`.
//
//   node scripts/check-date-literals.mjs [folder or file …]   (default: tests bench server/internal/seed)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const DEFAULT_PLACES = ["tests", "bench", "server/internal/seed"];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql|json)$/;
const SKIP = new Set(["node_modules", ".next", "test-results", "playwright-report", "coverage"]);
// Written by the benchmark on each run: a record of when it ran, not an input.
const GENERATED = new Set(["bench/results.json"]);

const ISO_DATE = /(?<![\d-])20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const DATE_CALL = /\b(?:new\s+Date|Date\.UTC)\(\s*20\d{2}\s*,/;
const ALLOWED = /fixed-date:\s*\S/;

function* files(entry) {
  if (!statSync(entry, { throwIfNoEntry: false })) return;
  if (statSync(entry).isFile()) {
    if (SOURCE.test(entry)) yield entry;
    return;
  }
  for (const name of readdirSync(entry)) if (!SKIP.has(name)) yield* files(path.join(entry, name));
}

const places = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_PLACES;
const findings = [];
for (const place of places) {
  for (const file of files(path.resolve(root, place))) {
    const relative = path.relative(root, file);
    if (GENERATED.has(relative)) continue;
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      if (!ISO_DATE.test(line) && !DATE_CALL.test(line)) return;
      if (ALLOWED.test(line) || ALLOWED.test(lines[index - 1] ?? "")) return;
      findings.push(`${relative}:${index + 1}: ${line.trim()}`);
    });
  }
}

if (findings.length > 0) {
  console.error(`A fixed date where a date from the clock belongs (${findings.length}):`);
  for (const finding of findings) console.error(`  ${finding}`);
  console.error('Compute it from the clock (tests/support/days.ts), or say why this date is the point: "fixed-date: <why>".');
  process.exit(1);
}
console.log(`No fixed dates in ${places.join(", ")}.`);
