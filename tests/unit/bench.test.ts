import { describe, expect, it } from "vitest";
import { CURRENT_SEALED_FORMAT, sealedAnswersBytes } from "@/lib/survey/sealed-answers";
import { PLAINTEXT_BYTES, SEALED_BYTES, seal } from "../../bench/bare-route/seal";
import { growthRow, growthSteps } from "../../bench/lib/growth.mjs";
import { runLoad } from "../../bench/lib/load.mjs";
import { markdownTable, ratio } from "../../bench/lib/report.mjs";
import { percentile, summarise } from "../../bench/lib/stats.mjs";
import type { Row } from "../../bench/lib/types.mjs";

// The benchmark's own arithmetic: what it reports must mean what the table says.
describe("the benchmark's statistics", () => {
  it("takes the nearest-rank percentile", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarise([3, 1, 2])).toMatchObject({ runs: 3, p50: 2, min: 1, max: 3, mean: 2 });
  });

  it("gives the ratio to the floor as a share when more is better and as a multiple when less is", () => {
    const base = { section: "s", name: "n" };
    expect(ratio({ ...base, value: 124, unit: "req/s", floor: { name: "bare route", value: 318 } })).toBe("39%");
    expect(ratio({ ...base, value: 91.5, unit: "ms", floor: { name: "SQL", value: 47.2 } })).toBe("1.94×");
    expect(ratio({ ...base, value: 3, unit: "ms" })).toBe("");
  });

  it("prints every row with its floor and whether it met its target, and escapes pipes", () => {
    const rows: Row[] = [
      { section: "Pages", name: "a | b", value: 149, unit: "ms", floor: { name: "SQL", value: 47.2 }, target: { text: "p50 ≤ 150 ms", met: true } },
      { section: "Pages", name: "c", value: 2.5, unit: "ms", target: { text: "≤ 1.5× floor", met: false } },
    ];
    const lines = markdownTable(rows).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("| Pages | a \\| b | 149 ms | SQL: 47.2 ms | 3.16× | p50 ≤ 150 ms ✓ |  |");
    expect(lines[3]).toContain("**missed**");
  });
});

describe("the closed-loop load", () => {
  it("counts successes and failures with their reasons, and ends early when requests run out", async () => {
    let next = 0;
    const result = await runLoad({
      concurrency: 3,
      durationMs: 5_000,
      warmupMs: 0,
      next: () => (next < 30 ? next++ : undefined),
      send: async (item) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (item % 10 === 0) throw new Error("refused");
      },
    });
    expect(result.exhausted).toBe(true);
    expect(result.sent).toEqual({ ok: 27, failed: 3 });
    // The window closes when the first worker finds nothing left: answers still in flight then are sent, not counted.
    expect(result.ok + result.failed).toBeGreaterThan(0);
    expect(result.ok + result.failed).toBeLessThanOrEqual(30);
    expect(result.failures).toEqual(["3× Error: refused"]);
    expect(result.durationMs).toBeLessThan(5_000);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
  });
});

// The bare route imports nothing of the app, so it keeps the app's sizes as constants of its own.
describe("the bare route's sealing", () => {
  it("seals a plaintext as long as the app's into a row as long as the app's", () => {
    expect(PLAINTEXT_BYTES).toBe(sealedAnswersBytes(CURRENT_SEALED_FORMAT));
    // server/seal.ts: format byte, nonce, tag, ciphertext.
    expect(SEALED_BYTES).toBe(1 + 12 + 16 + sealedAnswersBytes(CURRENT_SEALED_FORMAT));
    const answers = Array.from({ length: 7 }, () => ({ management: 3, leadership: null, need: -2 }));
    const sealed = seal("c", "m", answers, "A comment.");
    expect(sealed).toHaveLength(SEALED_BYTES);
    expect(seal("c", "m", answers, null)).toHaveLength(SEALED_BYTES);
    expect(sealed[0]).toBe(1);
  });
});

describe("the cost curve's verdict", () => {
  it("calls a step linear when the cost grows at most 1.2 times as fast as the managers", () => {
    const steps = growthSteps([
      { managers: 2_000, ms: 100 },
      { managers: 500, ms: 40 },
      { managers: 10_000, ms: 700 },
    ]);
    expect(steps.map(({ from, to, linear }) => ({ from, to, linear }))).toEqual([
      { from: 500, to: 2_000, linear: true },
      { from: 2_000, to: 10_000, linear: false },
    ]);
    expect(steps[0]!.costRatio).toBe(2.5);
    expect(steps[0]!.managersRatio).toBe(4);
    // Exactly at the tolerance still counts: 4 × 1.2 = 4.8.
    expect(
      growthSteps([
        { managers: 500, ms: 10 },
        { managers: 2_000, ms: 48 },
      ])[0]!.linear,
    ).toBe(true);
  });

  it("shows the cost a manager at the largest size against the smallest, and misses when any step is worse than linear", () => {
    const row = growthRow("Cost curve", "/teams: GET p50", [
      { managers: 500, ms: 50 },
      { managers: 2_000, ms: 120 },
      { managers: 10_000, ms: 800 },
    ]);
    expect(row).toMatchObject({ name: "/teams: GET p50: cost a manager at 10,000", value: 80, unit: "µs", floor: { name: "at 500", value: 100 } });
    expect(row.target?.met).toBe(false);
    expect(row.notes).toBe("500: 50 ms; 2,000: 120 ms (×2.4 for ×4.0); 10,000: 800 ms (×6.7 for ×5.0)");
    expect(
      growthRow("c", "n", [
        { managers: 500, ms: 50 },
        { managers: 2_000, ms: 120 },
      ]).target?.met,
    ).toBe(true);
  });
  it("gives a failed size no figure, no ratio and a miss, rather than NaN", () => {
    const row = growthRow("Cost curve", "closing the open cycle", [
      { managers: 500, ms: 9_000 },
      { managers: 2_000, ms: 12_000 },
      { managers: 10_000, ms: Number.NaN },
    ]);
    expect(row.target?.met).toBe(false);
    expect(row.notes).toBe("500: 9,000 ms; 2,000: 12,000 ms (×1.3 for ×4.0); 10,000: failed (no ratio for ×5.0)");
    expect(ratio(row)).toBe("–");
    expect(markdownTable([row])).not.toContain("NaN");
  });
});
