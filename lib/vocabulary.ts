/**
 * The words every page uses for the scores. People read sentences: "leaning toward managing",
 * "more leading than the situation calls for". The symbols (B, b, T, k) appear only in "How
 * scores work" and in the table twins, where they are explained next to the words here.
 */
import { RATING_MAX, RATING_MIN } from "./aspects";
import { formatSigned } from "./format";
import { BUILD_BOTH_BELOW } from "./recommendations/ranking";
import { OVERALL_LOPSIDED_BALANCE } from "./recommendations/risks";
import { HIGH_VERSATILITY, leanOf, type Lean } from "./report/summary";
import { atLeast, balance as balanceOf } from "./scoring/profile";

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

/** Fit to the situation in words, by the way it leans: also the words of the teams page's fit bands, drawn at a wider limit. */
export const FIT_WORDS: Readonly<Record<Lean, string>> = {
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

/** "on a scale from −1 (managing) to +1 (leading)": where a balance or a target sits, beside its number. */
export const BALANCE_SCALE = `on a scale from ${formatSigned(balanceOf(RATING_MAX, RATING_MIN), 0)} (managing) to ${formatSigned(balanceOf(RATING_MIN, RATING_MAX), 0)} (leading)`;

/**
 * "leaning strongly toward managing", for an overall balance B: "strongly" from the point
 * where the profile raises the article's risks (`OVERALL_LOPSIDED_BALANCE`).
 */
export function overallLeanWords(balance: number): string {
  const lean = leanOf(balance);
  if (lean === "balanced" || !atLeast(Math.abs(balance), OVERALL_LOPSIDED_BALANCE)) return LEAN_WORDS[lean];
  return `leaning strongly toward ${lean}`;
}

/** What the team sees of both sides, for a versatility from 1 to 5: "plenty of both sides". */
export function versatilityWords(versatility: number): string {
  if (atLeast(versatility, HIGH_VERSATILITY)) return "plenty of both sides";
  if (versatility < BUILD_BOTH_BELOW) return "too little of either side";
  return "some of both sides";
}

/**
 * How an overall balance sits against what the team's situation calls for, as a clause
 * after the lean: "more than their situation calls for". "Their" is the team's.
 */
export function situationWords(balance: number, target: number): string {
  const lean = leanOf(balance);
  const fit = leanOf(balance - target);
  if (fit === "balanced") return "as their situation calls for";
  if (fit === lean) return "more than their situation calls for";
  // Balanced, or leaning the other way: the situation wants more of what the gap lacks.
  if (lean === "balanced") return `where their situation calls for more ${fit === "managing" ? "leading" : "managing"}`;
  return "less than their situation calls for";
}

/**
 * The words a report uses for its manager. The manager reads "Your team sees you …"; a
 * director above them reads "The team sees Grace …" in the same sentence, so every
 * sentence reads right to both without a pronoun to guess.
 */
export interface ReportVoice {
  /** "you", or the manager's first name. */
  readonly person: string;
  /** "your", or "Grace's". */
  readonly possessive: string;
  /** "your team", or "the team". */
  readonly team: string;
}

/** The voice for a report on `manager`, read by the manager (`isViewer`) or by someone above them. */
export function reportVoice(manager: { readonly name: string; readonly isViewer: boolean }): ReportVoice {
  if (manager.isViewer) return { person: "you", possessive: "your", team: "your team" };
  const first = manager.name.trim().split(/\s+/)[0] || manager.name;
  return { person: first, possessive: `${first}'s`, team: "the team" };
}

/** The same words, starting a sentence. */
export function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
