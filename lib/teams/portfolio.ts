/**
 * The portfolio plot: one point per team at (B, versatility). B splits managing from
 * leading at 0; versatility splits at 3, the middle of the 1–5 scale: above it the team
 * sees plenty of both poles, below it there is room to grow on both.
 */
import { fitBand, type FitBand } from "./colour";
import type { TeamRow } from "./rows";

export const VERSATILITY_MIDPOINT = 3;

export type Quadrant = "strong_managing" | "strong_leading" | "growing_managing" | "growing_leading";

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  strong_managing: "Versatile, leans managing",
  strong_leading: "Versatile, leans leading",
  growing_managing: "Room to grow, leans managing",
  growing_leading: "Room to grow, leans leading",
};

export function quadrantOf(balance: number, versatility: number): Quadrant {
  const strong = versatility >= VERSATILITY_MIDPOINT;
  const leading = balance > 0;
  if (strong) return leading ? "strong_leading" : "strong_managing";
  return leading ? "growing_leading" : "growing_managing";
}

export interface PortfolioPoint {
  readonly id: string;
  readonly name: string;
  readonly balance: number;
  readonly versatility: number;
  readonly fitGap: number;
  readonly band: FitBand;
  readonly quadrant: Quadrant;
}

/** The teams that can be plotted: those whose B and versatility are both shown. */
export function portfolioPoints(rows: readonly TeamRow[]): PortfolioPoint[] {
  return rows.flatMap((row) =>
    row.balance === null || row.versatility === null || row.fitGap === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            balance: row.balance,
            versatility: row.versatility,
            fitGap: row.fitGap,
            band: fitBand(row.fitGap),
            quadrant: quadrantOf(row.balance, row.versatility),
          },
        ],
  );
}

/** How many points fall in each quadrant, for the plot's text summary. */
export function quadrantCounts(points: readonly PortfolioPoint[]): Record<Quadrant, number> {
  const counts: Record<Quadrant, number> = { strong_managing: 0, strong_leading: 0, growing_managing: 0, growing_leading: 0 };
  for (const point of points) counts[point.quadrant]++;
  return counts;
}

/** A symmetric B axis wide enough for every point, in steps of 0.25, never narrower than ±0.5. */
export function balanceDomain(points: readonly PortfolioPoint[]): [number, number] {
  const widest = points.reduce((max, point) => Math.max(max, Math.abs(point.balance)), 0);
  const limit = Math.min(1, Math.max(0.5, Math.ceil(widest / 0.25) * 0.25));
  return [-limit, limit];
}

/** Ticks every 0.25 across a B axis from `balanceDomain`. */
export function balanceTicks([low, high]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let quarter = Math.round(low * 4); quarter <= Math.round(high * 4); quarter++) ticks.push(quarter / 4);
  return ticks;
}
