/**
 * The text summary that goes with each chart of the report, for readers who cannot see
 * the chart. Each names the same numbers the chart and its table show.
 */
import { ASPECT_KEYS, type AspectKey, POLES } from "../aspects";
import { formatScore, formatSigned } from "../format";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import type { SelfAspect } from "../scoring/profile";
import { type AspectReport, DEFAULT_THRESHOLDS, type Thresholds } from "../scoring/suppression";
import { comparePole } from "./self-view";
import { leanOf } from "./summary";
import type { Change } from "./trend";

type Aspects = Readonly<Record<AspectKey, AspectReport>>;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Not shown: Focus, Motivation (fewer than 3 answers on a pole)." or "". */
function hiddenSentence(items: readonly string[], why: string): string {
  return items.length > 0 ? ` Not shown: ${items.join(", ")} (${why}).` : "";
}

/** "The team asks for more leading on 3 aspects, more managing on 1 and keeps the balance on 2." and the hidden needs, with why. */
function needSentence(aspects: Aspects, thresholds: Thresholds, text: InstrumentText): string {
  const shown = ASPECT_KEYS.flatMap((key) => {
    const need = aspects[key].need;
    return need.shown ? [leanOf(need.value / 2)] : [];
  });
  if (shown.length === 0) return ` No team need is shown: each has fewer than ${thresholds.k} answers.`;
  const hidden = ASPECT_KEYS.filter((key) => !aspects[key].need.shown).map((key) => `team need on ${text.aspects[key].name}`);
  const why = hiddenSentence(hidden, `fewer than ${thresholds.k} answers`);
  const on = (lean: string) => shown.filter((item) => item === lean).length;
  return ` The team asks for more leading on ${count(on("leading"), "aspect")}, more managing on ${on("managing")} and the same balance on ${on("balanced")}.${why}`;
}

/** "Toward managing on 5 aspects, balanced on 1 and toward leading on 0. Furthest …", then the team's need. */
export function balanceSummary(aspects: Aspects, thresholds: Thresholds = DEFAULT_THRESHOLDS, text: InstrumentText = en): string {
  const shown = ASPECT_KEYS.flatMap((key) => {
    const b = aspects[key].balance;
    return b.shown ? [{ key, value: b.value }] : [];
  });
  const hidden = ASPECT_KEYS.filter((key) => !aspects[key].balance.shown);
  const hiddenText = hiddenSentence(
    hidden.map((key) => `balance on ${text.aspects[key].name}`),
    `a managing or leading score has fewer than ${thresholds.k} answers`,
  );
  const need = needSentence(aspects, thresholds, text);
  if (shown.length === 0) return `No aspect has both a managing and a leading score to show.${hiddenText}${need}`;

  const on = (lean: string) => shown.filter((item) => leanOf(item.value) === lean).length;
  let summary = `Toward managing on ${count(on("managing"), "aspect")}, balanced on ${on("balanced")} and toward leading on ${on("leading")}.`;
  const sorted = [...shown].sort((a, b) => a.value - b.value);
  const most = { managing: sorted[0]!, leading: sorted[sorted.length - 1]! };
  for (const lean of ["managing", "leading"] as const) {
    const item = most[lean];
    if (leanOf(item.value) === lean) {
      summary += ` Furthest toward ${lean}: ${text.aspects[item.key].name} (${formatSigned(item.value, 2)}).`;
    }
  }
  return summary + hiddenText + need;
}

/** "Managing is rated from 3.9 (Adaptability) to 4.6 (Focus); leading from … ." and the self gaps. */
export function radarSummary(
  aspects: Aspects,
  self: Readonly<Record<AspectKey, SelfAspect>> | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  text: InstrumentText = en,
): string {
  const ranges = POLES.map((pole) => {
    const name = text.poles[pole].name.toLowerCase();
    const shown = ASPECT_KEYS.flatMap((key) => {
      const score = aspects[key][pole];
      return score.shown ? [{ key, value: score.value }] : [];
    }).sort((a, b) => a.value - b.value);
    if (shown.length === 0) return `${name} has no score to show (each has fewer than ${thresholds.k} answers)`;
    const low = shown[0]!;
    const high = shown[shown.length - 1]!;
    if (formatScore(low.value) === formatScore(high.value)) return `${name} ${formatScore(low.value)} on every aspect shown`;
    return `${name} from ${formatScore(low.value)} (${text.aspects[low.key].name}) to ${formatScore(high.value)} (${text.aspects[high.key].name})`;
  });
  // A pole with nothing shown already says so above; list the gaps of the others.
  const partly = POLES.filter((pole) => ASPECT_KEYS.some((key) => aspects[key][pole].shown));
  const hidden = ASPECT_KEYS.flatMap((key) =>
    partly.filter((pole) => !aspects[key][pole].shown).map((pole) => `${text.poles[pole].name.toLowerCase()} on ${text.aspects[key].name}`),
  );
  const hiddenText = hiddenSentence(hidden, `fewer than ${thresholds.k} answers`);
  const scales = `On the 1–5 scale the team rates ${ranges.join("; ")}.${hiddenText}`;
  if (self === null) return `${scales} There is no self-assessment for this cycle.`;

  const kinds = ASPECT_KEYS.flatMap((key) => POLES.map((pole) => comparePole(aspects[key], self[key], pole).gap?.kind));
  const above = kinds.filter((kind) => kind === "blind_spot").length;
  const below = kinds.filter((kind) => kind === "hidden_strength").length;
  return `${scales} The self-assessment is at least a point above the team on ${count(above, "score")} (blind spots) and at least a point below on ${below} (hidden strengths).`;
}

export interface TrendPoint {
  readonly label: string;
  readonly balance: number | null;
  readonly versatility: number | null;
}

/** The last two cycles compared: the changes and whether the people answering changed. */
export interface LatestChange {
  readonly since: string;
  readonly balance: Change | null;
  readonly versatility: Change | null;
  /** Fewer than half of this cycle's respondents answered the previous one; `null` when not counted. */
  readonly respondentsChanged: boolean | null;
}

/** Said beside a change when `respondentsChanged`. */
export function respondentsChangedSentence(since: string): string {
  return `Fewer than half of the people who answered this time also answered in ${since}, so a change may reflect who answered more than the manager.`;
}

/** "From Q1 2026 to Q3 2026, overall balance went from −0.42 to −0.05 and versatility from 3.1 to 3.6." */
export function trendSummary(points: readonly TrendPoint[]): string {
  const shown = points.filter((point) => point.balance !== null && point.versatility !== null);
  const missing = points.filter((point) => !shown.includes(point));
  const missingText = missing.length > 0 ? ` No results for ${missing.map((point) => point.label).join(", ")}: too few answers to show.` : "";
  const [first, last] = [shown[0], shown[shown.length - 1]];
  if (!first || !last) return `No closed cycle has enough answers to show a trend.${missingText}`;
  const b = (point: TrendPoint) => formatSigned(point.balance!, 2);
  const v = (point: TrendPoint) => formatScore(point.versatility!);
  if (first === last) {
    return `One closed cycle with results so far: ${first.label}, with an overall balance of ${b(first)} and versatility ${v(first)}.${missingText}`;
  }
  return `From ${first.label} to ${last.label}, overall balance went from ${b(first)} to ${b(last)} and versatility from ${v(first)} to ${v(last)}.${missingText}`;
}
