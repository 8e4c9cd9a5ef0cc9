/**
 * The text summary that goes with each chart of the report, for readers who cannot see
 * the chart. Each names the same numbers the chart and its table show.
 */
import { ASPECT_KEYS, type AspectKey, POLES } from "../aspects";
import { formatScore, formatSigned } from "../format";
import { en } from "../instrument/en";
import type { InstrumentText } from "../instrument/types";
import type { SelfAspect } from "../scoring/profile";
import type { AspectReport } from "../scoring/suppression";
import { comparePole } from "./self-view";
import { leanOf } from "./summary";

type Aspects = Readonly<Record<AspectKey, AspectReport>>;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listNames(keys: readonly AspectKey[], text: InstrumentText) {
  return keys.map((key) => text.aspects[key].name).join(", ");
}

/** "Toward managing on 5 aspects, balanced on 1 and toward leading on 0. Furthest …" */
export function balanceSummary(aspects: Aspects, text: InstrumentText = en): string {
  const shown = ASPECT_KEYS.flatMap((key) => {
    const b = aspects[key].balance;
    return b.shown ? [{ key, value: b.value }] : [];
  });
  const hidden = ASPECT_KEYS.filter((key) => !aspects[key].balance.shown);
  const hiddenText = hidden.length > 0 ? ` Not shown: ${listNames(hidden, text)}.` : "";
  if (shown.length === 0) return `No aspect has both a managing and a leading score to show.${hiddenText}`;

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
  return summary + hiddenText;
}

/** "Managing is rated from 3.9 (Adaptability) to 4.6 (Focus); leading from … ." and the self gaps. */
export function radarSummary(aspects: Aspects, self: Readonly<Record<AspectKey, SelfAspect>> | null, text: InstrumentText = en): string {
  const ranges = POLES.map((pole) => {
    const name = text.poles[pole].name.toLowerCase();
    const shown = ASPECT_KEYS.flatMap((key) => {
      const score = aspects[key][pole];
      return score.shown ? [{ key, value: score.value }] : [];
    }).sort((a, b) => a.value - b.value);
    if (shown.length === 0) return `${name} has no score to show`;
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
  const hiddenText = hidden.length > 0 ? ` Not shown: ${hidden.join(", ")}.` : "";
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

/** "From Q1 2026 to Q3 2026, overall balance B went from −0.42 to −0.05 and versatility from 3.1 to 3.6." */
export function trendSummary(points: readonly TrendPoint[]): string {
  const shown = points.filter((point) => point.balance !== null && point.versatility !== null);
  const missing = points.filter((point) => !shown.includes(point));
  const missingText = missing.length > 0 ? ` No results for ${missing.map((point) => point.label).join(", ")}.` : "";
  const [first, last] = [shown[0], shown[shown.length - 1]];
  if (!first || !last) return `No closed cycle has enough answers to show a trend.${missingText}`;
  const b = (point: TrendPoint) => formatSigned(point.balance!, 2);
  const v = (point: TrendPoint) => formatScore(point.versatility!);
  if (first === last) {
    return `One closed cycle with results so far: ${first.label}, with B ${b(first)} and versatility ${v(first)}.${missingText}`;
  }
  return `From ${first.label} to ${last.label}, overall balance B went from ${b(first)} to ${b(last)} and versatility from ${v(first)} to ${v(last)}.${missingText}`;
}
