/**
 * The portfolio plot: one point per team at (B, versatility), for the teams on one page of
 * the table, over axes and a summary that cover every team the view keeps. B splits managing from
 * leading at 0; versatility splits at 3, the middle of the 1–5 scale: above it the team
 * sees plenty of both poles, below it there is room to grow on both.
 */
import { formatCount, formatScore, formatSigned } from "../format";
import type { Lean } from "../report/summary";
import { FIT_WORDS, leanWords, SCORE_NAMES, TOO_FEW_ANSWERS } from "../vocabulary";
import { fitBand, type FitBand } from "./colour";
import type { PageSpan } from "./paging";
import { DIGITS, shownValue, type TeamRow } from "./rows";
import { FIT_GAP_LIMIT } from "./view";

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

type Placed = Pick<PortfolioPoint, "balance" | "versatility" | "fitGap">;

/**
 * Where a team is plotted, as the table shows its values (rounded, so that a team shown at
 * B 0.00 is not placed among those leaning toward leading), or `null` when it cannot be:
 * its B or versatility is hidden.
 */
function placed(row: TeamRow): Placed | null {
  const balance = shownValue(row.balance, DIGITS.balance);
  const versatility = shownValue(row.versatility, DIGITS.versatility);
  const fitGap = shownValue(row.fitGap, DIGITS.fitGap);
  return balance === null || versatility === null || fitGap === null ? null : { balance, versatility, fitGap };
}

/** The teams that can be plotted: those whose B and versatility are both shown. */
export function portfolioPoints(rows: readonly TeamRow[]): PortfolioPoint[] {
  return rows.flatMap((row) => {
    const at = placed(row);
    return at === null ? [] : [{ id: row.id, name: row.name, ...at, band: fitBand(at.fitGap), quadrant: quadrantOf(at.balance, at.versatility) }];
  });
}

/** What the plot's summary and axis need of every team a view keeps, on every page. */
export interface PortfolioTally {
  /** Teams that can be plotted. */
  readonly plotted: number;
  /** Of them, how many fall in each quadrant. */
  readonly quadrants: Readonly<Record<Quadrant, number>>;
  /** The largest |B| among them, as shown; 0 when there is none. */
  readonly widest: number;
}

/** The tally of rows, counted without a point for each: a view can keep thousands of teams. */
export function portfolioTally(rows: readonly TeamRow[]): PortfolioTally {
  const quadrants: Record<Quadrant, number> = { strong_managing: 0, strong_leading: 0, growing_managing: 0, growing_leading: 0 };
  let plotted = 0;
  let widest = 0;
  for (const row of rows) {
    const at = placed(row);
    if (at === null) continue;
    plotted++;
    quadrants[quadrantOf(at.balance, at.versatility)]++;
    widest = Math.max(widest, Math.abs(at.balance));
  }
  return { plotted, quadrants, widest };
}

/** A symmetric B axis wide enough for every team tallied, in steps of 0.25, never narrower than ±0.5. */
export function balanceDomain({ widest }: Pick<PortfolioTally, "widest">): [number, number] {
  const limit = Math.min(1, Math.max(0.5, Math.ceil(widest / 0.25) * 0.25));
  return [-limit, limit];
}

/** Ticks every 0.25 across a B axis from `balanceDomain`. */
export function balanceTicks([low, high]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let quarter = Math.round(low * 4); quarter <= Math.round(high * 4); quarter++) ticks.push(quarter / 4);
  return ticks;
}

const BAND_LEAN: Readonly<Record<FitBand, Lean>> = { more_managing: "managing", fits: "balanced", more_leading: "leading" };

/** A fit band in words: "more managing than the situation calls for". */
export function fitBandWords(band: FitBand): string {
  return FIT_WORDS[BAND_LEAN[band]];
}

/** A fit band as the plot's legend names it: "More managing than the situation calls for (by more than 0.25)". */
export function fitBandLegend(band: FitBand): string {
  const words = fitBandWords(band);
  const limit = formatScore(FIT_GAP_LIMIT, DIGITS.fitGap);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${band === "fits" ? "within" : "by more than"} ${limit})`;
}

/** What a point says, in its accessible name and its tooltip: the manager, then each number with its words. */
export function pointDescription(point: PortfolioPoint): string {
  return (
    `${point.name}: ${SCORE_NAMES.overallBalance} ${formatSigned(point.balance, DIGITS.balance)}, ${leanWords(point.balance)}; ` +
    `${SCORE_NAMES.versatility} ${formatScore(point.versatility, DIGITS.versatility)}; ` +
    `${SCORE_NAMES.fit} ${formatSigned(point.fitGap, DIGITS.fitGap)}, ${fitBandWords(point.band)}`
  );
}

/**
 * The plot's text twin: how many of the teams the view keeps can be plotted, and how many
 * fall in each quadrant, over every page; then, when the table has more than one page,
 * which of them the plot draws: those on the page shown.
 */
export function portfolioSummary(tally: PortfolioTally, teams: number, drawn: number, span: PageSpan): string {
  const quadrants = (Object.keys(QUADRANT_LABELS) as Quadrant[]).map((quadrant) => `${QUADRANT_LABELS[quadrant]}: ${formatCount(tally.quadrants[quadrant])}`);
  const plotted = `${formatCount(tally.plotted)} of ${formatCount(teams)} teams`;
  if (span.pages === 1) return `${plotted} plotted (the others have ${TOO_FEW_ANSWERS} for an ${SCORE_NAMES.overallBalance}). ${quadrants.join(". ")}.`;
  return (
    `${plotted} have an ${SCORE_NAMES.overallBalance} (the others have ${TOO_FEW_ANSWERS} for one). ${quadrants.join(". ")}. ` +
    `The plot draws the ${formatCount(drawn)} of them on this page of the table, teams ${formatCount(span.start + 1)}–${formatCount(span.end)}.`
  );
}
