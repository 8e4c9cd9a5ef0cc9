/**
 * Pole scores and changes in words: the value with its n, its spread (SD) and its 95%
 * interval, and a change with whether it is clear of the noise. Every view and the CSV
 * say these the same way.
 */
import { ASPECT_KEYS, type AspectKey, POLES } from "../aspects";
import { formatInterval, formatScore, formatSigned } from "../format";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import { atLeast } from "../scoring/profile";
import { DISAGREEMENT_SD } from "../scoring/stats";
import type { AspectReport, Statistic } from "../scoring/suppression";
import type { Change } from "./trend";

/** Decimals of a standard deviation. */
const SD_DIGITS = 1;

/** What the 95% interval means, in one plain sentence and no formula. */
export const INTERVAL_EXPLANATION =
  "The range after a score shows how sure it is: the team's true average most likely lies inside it, and it is wide when few people answered or when they disagree.";

const SAME_ANSWERS = "everyone answered the same";
const CUT_AT_SCALE = "cut at the end of the scale";

/** "3.2–4.6", "3.9–5.0, cut at the end of the scale", or "everyone answered the same". */
export function intervalText(statistic: Pick<Statistic, "sd" | "ci">, digits = 1): string {
  if (statistic.sd === 0) return SAME_ANSWERS;
  const range = formatInterval(statistic.ci, digits);
  return statistic.ci.clamped ? `${range}, ${CUT_AT_SCALE}` : range;
}

export function sdText(statistic: Pick<Statistic, "sd">): string {
  return formatScore(statistic.sd, SD_DIGITS);
}

/** "4.3 (n 6, SD 0.8, 3.8–4.8)"; a team need is signed: "+1.2 (…)". */
export function statisticText(statistic: Statistic, signed = false): string {
  const value = signed ? formatSigned(statistic.value) : formatScore(statistic.value);
  return `${value} (n ${statistic.n}, SD ${sdText(statistic)}, ${intervalText(statistic)})`;
}

/** The team's answers on this score are far apart. */
export function disagrees(statistic: Pick<Statistic, "sd">): boolean {
  return atLeast(statistic.sd, DISAGREEMENT_SD);
}

/** "clear rise", "clear fall" or "no clear change": the words for a change, in the report and the CSV alike. */
export function verdictWords(change: { readonly value: number; readonly clear: boolean }): string {
  if (!change.clear) return "no clear change";
  return change.value > 0 ? "clear rise" : "clear fall";
}

/** The verdict in a sentence: "a clear rise", "no clear change". */
function changeVerdict(change: Change): string {
  return change.clear ? `a ${verdictWords(change)}` : verdictWords(change);
}

/**
 * "+0.6, a clear rise (95% interval +0.1 to +1.1)", "+0.2, no clear change (95% interval
 * −0.3 to +0.7)", or, without an interval, "+0.2, no clear change (too few people rated
 * both sides to tell)". Shown with the change's own decimals.
 */
export function changeText(change: Change): string {
  const value = `${formatSigned(change.value, change.digits)}, ${changeVerdict(change)}`;
  if (change.ci === null) return `${value} (${TOO_FEW_PAIRS})`;
  return `${value} (95% interval ${changeInterval(change.ci, change.digits)})`;
}

const TOO_FEW_PAIRS = "too few people rated both sides to tell";

function changeInterval(ci: { readonly low: number; readonly high: number }, digits: number): string {
  return `${formatSigned(ci.low, digits)} to ${formatSigned(ci.high, digits)}`;
}

/**
 * The same, compact, for a table whose caption explains the brackets: "+0.6 (+0.1 to
 * +1.1), clear rise", "+0.2 (−0.3 to +0.7)", "+0.2 (too few rated both sides)".
 */
export function changeCellText(change: Change): string {
  const value = formatSigned(change.value, change.digits);
  if (change.ci === null) return `${value} (too few rated both sides)`;
  const interval = `${value} (${changeInterval(change.ci, change.digits)})`;
  return change.clear ? `${interval}, ${verdictWords(change)}` : interval;
}

/**
 * "The team disagrees about leading on Motivation (SD 1.4) and managing on Focus (SD 1.3):
 * some see it often, others rarely." or `null` when the team broadly agrees on every score.
 */
export function disagreementSentence(aspects: Readonly<Record<AspectKey, AspectReport>>, text: InstrumentText = en): string | null {
  const items = ASPECT_KEYS.flatMap((key) =>
    POLES.flatMap((pole) => {
      const score = aspects[key][pole];
      return score.shown && disagrees(score) ? [`${text.poles[pole].name.toLowerCase()} on ${text.aspects[key].name} (SD ${sdText(score)})`] : [];
    }),
  );
  if (items.length === 0) return null;
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
  return `The team disagrees about ${list}: some see it often, others rarely, so the average hides two different experiences.`;
}
