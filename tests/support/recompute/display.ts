import { ASPECT_KEYS } from "@/lib/aspects";
import { en } from "@/lib/instrument";
import type { ChangeRow, StatRow } from "./expected-sql";

// Display strings, from PostgreSQL's rounded text: the recomputation's own formatting of
// the expected values, not lib/format's.

const MINUS = "\u2212";
/** "-0.5" as the report writes it: a typographic minus. */
export const typographic = (value: string) => (value.startsWith("-") ? `${MINUS}${value.slice(1)}` : value);
/** A signed value as the report writes it: "+0.25", "−0.50", "0.00". */
export const signed = (value: string) => (value.startsWith("-") ? typographic(value) : Number(value) > 0 ? `+${value}` : value);

export const fewerAnswers = (k: number) => `Not shown: fewer than ${k} answers.`;
export const fewerPeople = (k: number) => `Not shown: fewer than ${k} people answered.`;
export const NO_ASPECT = "Not shown: no aspect has enough answers yet.";

export function intervalText(stat: StatRow): string {
  if (stat.same) return "everyone answered the same";
  const range = `${typographic(stat.low)}\u2013${typographic(stat.high)}`;
  return stat.cut ? `${range}, cut at the end of the scale` : range;
}

/** "4.3 (n 6, SD 0.8, 3.8–4.8)"; a need is signed. */
export const statisticText = (stat: StatRow, withSign = false) =>
  `${withSign ? signed(stat.mean) : typographic(stat.mean)} (n ${stat.n}, SD ${stat.sd}, ${intervalText(stat)})`;

/** "clear rise", "clear fall" or "no clear change". */
export const verdictWords = (change: ChangeRow) => (change.clear ? (change.rising ? "clear rise" : "clear fall") : "no clear change");

const changeInterval = (change: ChangeRow) => `${signed(change.low!)} to ${signed(change.high!)}`;

/** In a sentence: "+0.6, a clear rise (95% interval +0.1 to +1.0)", or why there is no interval. */
export function changeText(change: ChangeRow): string {
  const value = `${signed(change.value)}, ${change.clear ? `a ${verdictWords(change)}` : verdictWords(change)}`;
  if (!change.hasInterval) return `${value} (too few people rated both sides to tell)`;
  return `${value} (95% interval ${changeInterval(change)})`;
}

/** In the table of changes per aspect, whose caption explains the brackets: "+0.6 (+0.1 to +1.0), clear rise", "−0.2 (−0.7 to +0.3)". */
export function changeCellText(change: ChangeRow | undefined): string {
  if (!change) return "hidden in one of the two cycles";
  if (!change.hasInterval) return `${signed(change.value)} (too few rated both sides)`;
  const text = `${signed(change.value)} (${changeInterval(change)})`;
  return change.clear ? `${text}, ${verdictWords(change)}` : text;
}

export const aspectName = (aspect: string) => en.aspects[aspect as (typeof ASPECT_KEYS)[number]].name;
