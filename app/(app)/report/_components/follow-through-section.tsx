import { movedSentence, seenSentence } from "@/lib/follow-through";
import { en } from "@/lib/instrument";
import { DIRECTION_LABELS } from "@/lib/recommendations";
import { INTERVAL_EXPLANATION, statisticText } from "@/lib/report";
import type { ClosedReport } from "@/server/dal/report";

/**
 * What the manager committed to after an earlier report, how often the team saw each
 * practised in this cycle (the survey's follow-through items), and how the committed
 * aspect moved since. Nothing when this cycle asked about no commitment.
 */
export function FollowThroughSection({ report }: { report: ClosedReport }) {
  const items = report.followThrough;
  const first = items[0];
  if (!first) return null;
  return (
    <section aria-labelledby="follow-through-heading" className="report-section space-y-3">
      <h2 id="follow-through-heading" className="text-xl font-semibold">
        Follow-through
      </h2>
      <p>
        After {first.sinceCycleName} you committed to {items.length === 1 ? "one action" : `${items.length} actions`}. In {report.cycle.name} your team said how
        often they saw you practise {items.length === 1 ? "it" : "each"}, on the same 1–5 scale as the rest of the survey.
      </p>
      <ol className="report-follow-through space-y-3">
        {items.map((item) => (
          <li key={item.position} className="report-card rounded-lg border border-slate-200 bg-white p-4">
            <p className="font-medium">{item.text}</p>
            <p className="text-sm text-slate-700">
              {en.aspects[item.aspect].name} · {DIRECTION_LABELS[item.direction]}
            </p>
            <p className="mt-2">{seenSentence(item.seen, report.thresholds)}</p>
            {item.seen.shown && (
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-brand-700 underline underline-offset-2 print:hidden">Numbers</summary>
                <p className="mt-1 text-slate-700">
                  Seen {statisticText(item.seen)}. {INTERVAL_EXPLANATION}
                </p>
              </details>
            )}
            <ul className="mt-2 list-disc pl-5 text-sm">
              {item.changes.map((moved) => (
                <li key={moved.pole}>{movedSentence(item, moved)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
