/** Comparing, and counting what was compared. */
export class Comparison {
  readonly mismatches: string[] = [];
  numbers = 0;
  constructor(private readonly cycleNames: readonly string[]) {}

  /** How many numbers a display string holds: the cycle names and fixed wording left out. */
  private count(expected: string): number {
    let rest = expected.replace(/95% interval/g, "").replace(/fewer than \d+/g, "");
    for (const name of this.cycleNames) rest = rest.replaceAll(name, "");
    return rest.match(/\d+(?:\.\d+)?/g)?.length ?? 0;
  }

  same(where: string, actual: string | undefined, expected: string): void {
    this.numbers += this.count(expected);
    if (actual !== expected) this.mismatches.push(`${where}: the app shows ${JSON.stringify(actual ?? null)}, recomputed ${JSON.stringify(expected)}`);
  }

  /** A table cell by cell: its header row, then each expected row against the row in its place. */
  table(where: string, actual: string[][] | undefined, expected: string[][]): void {
    if (!actual) {
      this.mismatches.push(`${where}: no table`);
      return;
    }
    if (actual.length !== expected.length) this.mismatches.push(`${where}: ${actual.length} rows, recomputed ${expected.length}`);
    expected.forEach((row, r) => {
      const label = `${where}, row ${JSON.stringify(row[0])}`;
      const got = actual[r] ?? [];
      if (got.length !== row.length) this.mismatches.push(`${label}: cells ${JSON.stringify(got)}, recomputed ${JSON.stringify(row)}`);
      else row.forEach((cell, c) => this.same(`${label}, column ${JSON.stringify(expected[0]![c] ?? c)}`, got[c], cell));
    });
  }
}
