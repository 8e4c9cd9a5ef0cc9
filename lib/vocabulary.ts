/**
 * The words every page uses for the scores. People read sentences: "leaning toward managing",
 * "more leading than the situation calls for". The symbols (B, b, T, k) appear only in "How
 * scores work" and in the table twins, where they are explained next to the words here.
 */
import { leanOf, type Lean } from "./report/summary";

/** What each symbol is called in running text; the tables show the symbol beside it. */
export const SCORE_NAMES = {
  /** B */
  overallBalance: "overall balance",
  /** b */
  aspectBalance: "balance",
  versatility: "versatility",
  /** T */
  target: "what the situation calls for",
  /** B − T */
  fit: "fit to the situation",
  /** The team need item, −2 to +2. */
  need: "where the team wants you to move",
} as const;

/** A pole rated at least a point above the other: the stronger side works, the other is left out. */
export const ONE_SIDED = "one-sided";

const LEAN_WORDS: Record<Lean, string> = {
  managing: "leaning toward managing",
  balanced: "balanced between managing and leading",
  leading: "leaning toward leading",
};

/** "leaning toward managing", for a balance b or B. */
export function leanWords(balance: number): string {
  return LEAN_WORDS[leanOf(balance)];
}

const FIT_WORDS: Record<Lean, string> = {
  managing: "more managing than the situation calls for",
  balanced: "close to what the situation calls for",
  leading: "more leading than the situation calls for",
};

/** "more managing than the situation calls for", for a fit gap B − T. */
export function fitWords(fitGap: number): string {
  return FIT_WORDS[leanOf(fitGap)];
}

/** A hidden cell in a dense table, where the full reason sits in its accessible name and the legend. */
export const TOO_FEW_ANSWERS = "too few answers";
