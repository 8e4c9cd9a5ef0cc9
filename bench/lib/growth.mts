import type { Row } from "./types.mjs";

/** One measurement of the cost curve: what it cost, in ms, at this many managers. */
export interface CurvePoint {
  managers: number;
  ms: number;
}

/**
 * How much faster than the managers a cost may grow from one size to the next and still
 * count as linear: run-to-run noise on this machine is 10–20%.
 */
export const LINEAR_TOLERANCE = 1.2;

export interface GrowthStep {
  from: number;
  to: number;
  /** cost(to) ÷ cost(from). */
  costRatio: number;
  /** to ÷ from. */
  managersRatio: number;
  /** costRatio ≤ tolerance × managersRatio. */
  linear: boolean;
}

/** Each step from one size to the next larger, and whether the cost grew at most as fast as the managers (within the tolerance). */
export function growthSteps(points: readonly CurvePoint[], tolerance = LINEAR_TOLERANCE): GrowthStep[] {
  const sorted = [...points].sort((a, b) => a.managers - b.managers);
  return sorted.slice(1).map((point, i) => {
    const before = sorted[i]!;
    const costRatio = point.ms / before.ms;
    const managersRatio = point.managers / before.managers;
    return { from: before.managers, to: point.managers, costRatio, managersRatio, linear: costRatio <= tolerance * managersRatio };
  });
}

const count = (n: number) => n.toLocaleString("en");
const ms = (value: number) => (Number.isFinite(value) ? `${value.toLocaleString("en", { maximumFractionDigits: value >= 100 ? 0 : 1 })} ms` : "failed");

/**
 * One row of the verdict: the cost per manager at the largest size, against the cost per
 * manager at the smallest as its floor (so the ratio is how the cost per manager moved
 * across the whole range), met when every step grew at most linearly.
 */
export function growthRow(section: string, name: string, points: readonly CurvePoint[], tolerance = LINEAR_TOLERANCE): Row {
  const sorted = [...points].sort((a, b) => a.managers - b.managers);
  const smallest = sorted[0]!;
  const largest = sorted.at(-1)!;
  const perManager = (point: CurvePoint) => (point.ms * 1000) / point.managers;
  const steps = growthSteps(sorted, tolerance);
  return {
    section,
    name: `${name}: cost a manager at ${count(largest.managers)}`,
    value: perManager(largest),
    unit: "µs",
    floor: { name: `at ${count(smallest.managers)}`, value: perManager(smallest) },
    target: { text: `at most linear (each step ≤ ${tolerance} × the managers' ratio)`, met: steps.every((step) => step.linear) },
    notes: [
      `${count(smallest.managers)}: ${ms(smallest.ms)}`,
      ...steps.map((step, i) => {
        const grew = Number.isFinite(step.costRatio) ? `×${step.costRatio.toFixed(1)}` : "no ratio";
        return `${count(step.to)}: ${ms(sorted[i + 1]!.ms)} (${grew} for ×${step.managersRatio.toFixed(1)})`;
      }),
    ].join("; "),
  };
}
