import { type AbsentReason, type Statistic, type Thresholds } from "@/lib/scoring";
import { describeAbsence } from "@/lib/instrument";
import { statisticText } from "@/lib/report";
import type { ClosedReport } from "@/server/dal/report";

/** The reason a value is hidden, in words, never a 0 or a blank. */
export function Hidden({ reason, thresholds }: { reason: AbsentReason; thresholds: Thresholds }) {
  return <span className="text-slate-600 italic">{describeAbsence(reason, thresholds)}</span>;
}

/** "Managing 4.3 (n 6, SD 0.8, 3.8–4.8)", for tooltips. A team need is signed: "+1.2". */
export function namedStatisticText(name: string, statistic: Statistic, signed = false): string {
  return `${name} ${statisticText(statistic, signed)}`;
}

/**
 * The situational target to draw, or `null` when no situation is marked. T is then 0 for
 * the ranking, but a marker at 0 would read as "the situation calls for balance".
 */
export function displayedTarget(report: ClosedReport): number | null {
  return report.situations.length > 0 ? report.target : null;
}
