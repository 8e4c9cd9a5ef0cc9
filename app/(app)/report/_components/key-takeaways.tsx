import { developmentPlan } from "@/lib/recommendations";
import { keyTakeaways } from "@/lib/report";
import { reportVoice } from "@/lib/vocabulary";
import type { ClosedReport } from "@/server/dal/report";
import { displayedTarget } from "./scores";

/**
 * The report's first block: a few plain sentences from lib/report, each with the figures
 * behind it in a disclosure of its own, so the block fits the first screen and needs no
 * script. The suggested focus links to its card under "What to practise next".
 */
export function KeyTakeaways({ report }: { report: ClosedReport }) {
  const { team, self } = report.current;
  if (!team.shown) return null;
  const takeaways = keyTakeaways({
    scores: team,
    self,
    target: displayedTarget(report),
    plan: developmentPlan(team, report.target),
    voice: reportVoice(report.manager),
  });
  if (takeaways.length === 0) return null;
  return (
    <section aria-labelledby="takeaways-heading" className="report-section report-takeaways rounded-lg border border-slate-200 bg-white px-3 py-3 sm:px-4">
      <h2 id="takeaways-heading" className="text-lg font-semibold">
        Key takeaways
      </h2>
      <ul className="mt-1 space-y-1.5 text-sm sm:text-base">
        {takeaways.map((takeaway) => (
          <li key={takeaway.kind} className="report-takeaway">
            {takeaway.sentence}
            {takeaway.actionAnchor && (
              <>
                {" "}
                <a href={`#${takeaway.actionAnchor}`} className="underline print:hidden">
                  See this action
                </a>
              </>
            )}{" "}
            <details className="report-takeaway-numbers group inline">
              <summary className="inline cursor-pointer text-xs font-medium whitespace-nowrap text-brand-700 underline underline-offset-2 print:hidden">
                <span aria-hidden="true" className="inline-block group-open:rotate-90">
                  ▸
                </span>{" "}
                Numbers
              </summary>
              <p className="mt-0.5 text-xs text-slate-700">{takeaway.numbers}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
