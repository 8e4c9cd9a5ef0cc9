import { en } from "@/lib/instrument";
import { DIRECTION_LABELS, developmentPlan, type Lean, type Recommendation } from "@/lib/recommendations";
import { actionAnchorId, suggestionNumbers, suggestionSentence } from "@/lib/report";
import { reportVoice } from "@/lib/vocabulary";
import type { ClosedReport } from "@/server/dal/report";
import { displayedTarget } from "./scores";

const LEAN_LABELS: Record<Lean, string> = {
  management_heavy: "leaning heavily on managing",
  leadership_heavy: "leaning heavily on leading",
};

/**
 * The top three actions from lib/recommendations, each with why in a sentence and the
 * ranking's numbers in a table of their own, and any risks.
 */
export function DevelopmentActions({ report }: { report: ClosedReport }) {
  const { team } = report.current;
  if (!team.shown) return null;
  const plan = developmentPlan(team, report.target);
  const target = displayedTarget(report);
  const voice = reportVoice(report.manager);
  return (
    <section aria-labelledby="actions-heading" className="report-section space-y-3">
      <h2 id="actions-heading" className="text-xl font-semibold">
        What to practise next
      </h2>
      {plan.actions.length === 0 ? (
        <p>No aspect has both a managing and a leading score to show, so there is nothing to rank yet.</p>
      ) : (
        <ol className="grid gap-3 lg:grid-cols-3 print:grid-cols-3" aria-label="Development actions">
          {plan.actions.map((pick) => (
            <li key={pick.aspect} id={actionAnchorId(pick.action.id)} className="report-card scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm font-medium text-slate-700">
                {pick.rank}. {en.aspects[pick.aspect].name} · {DIRECTION_LABELS[pick.direction]}
              </p>
              <p className="mt-1 font-semibold">{pick.action.text}</p>
              <p className="mt-1 text-sm text-slate-700">{pick.action.why}</p>
              <p className="mt-2 text-sm">{suggestionSentence(pick, target, voice)}</p>
              <SuggestionNumbers pick={pick} target={target} />
            </li>
          ))}
        </ol>
      )}
      {plan.risks.length > 0 && (
        <div className="report-card rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 className="font-semibold">Risks of this profile</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {plan.risks.map(({ risk, overall, aspects }) => (
              <li key={risk.id}>
                <span className="font-medium">{risk.title}</span> ({LEAN_LABELS[risk.lean]}
                {overall ? " overall" : ""}
                {aspects.length > 0 ? `${overall ? " and" : ""} on ${aspects.map((key) => en.aspects[key].name).join(", ")}` : ""}
                ): {risk.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The ranking's numbers behind one suggestion, closed until asked for: each named with its symbol and explained. */
function SuggestionNumbers({ pick, target }: { pick: Recommendation; target: number | null }) {
  const aspect = en.aspects[pick.aspect].name;
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer font-medium text-brand-700 underline underline-offset-2 print:hidden">Numbers</summary>
      <table className="report-table mt-1 text-xs">
        <caption className="sr-only">
          The numbers behind the suggestion for {aspect}, {DIRECTION_LABELS[pick.direction].toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Value</th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {suggestionNumbers(pick, target).map((number) => (
            <tr key={number.name}>
              <th scope="row">{number.name}</th>
              <td className="whitespace-nowrap">{number.value}</td>
              <td>{number.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
