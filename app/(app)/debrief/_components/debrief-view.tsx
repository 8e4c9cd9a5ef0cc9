import Link from "next/link";
import { ScrollRegion } from "@/app/_components/scroll-region";
import { formatDay } from "@/lib/dates";
import { en } from "@/lib/instrument";
import { DIRECTION_LABELS } from "@/lib/recommendations";
import { debriefOverall, debriefRows } from "@/lib/report";
import type { CommitmentList } from "@/server/dal/commitments";
import type { ClosedReport } from "@/server/dal/report";
import { PrintButton } from "../../report/_components/print-button";

/**
 * What the team said, as aggregates only (never a comment), and what the manager will
 * practise, with the manager's name, the cycle and the date: one A4 page, written in the
 * manager's voice to the team.
 */
export function DebriefView({ report, commitments, preparedOn }: { report: ClosedReport; commitments: CommitmentList; preparedOn: string }) {
  const { team } = report.current;
  if (!team.shown) return null;
  const overall = debriefOverall(team);
  return (
    <article aria-labelledby="debrief-title" className="report debrief max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-slate-700 uppercase">Team debrief</p>
        <h1 id="debrief-title" className="text-2xl font-bold">
          {report.manager.name}: what you told me in {report.cycle.name}
        </h1>
        <p className="text-sm text-slate-700">
          {report.cycle.responded} of {report.cycle.invited} of you answered · prepared on {formatDay(preparedOn)}
        </p>
        <div className="flex flex-wrap items-center gap-4 text-sm print:hidden">
          <PrintButton />
          <Link href={`/report/${report.cycle.id}`}>Back to the full report</Link>
        </div>
      </header>

      <section aria-labelledby="debrief-said" className="report-section space-y-2">
        <h2 id="debrief-said" className="text-xl font-semibold">
          What you told me
        </h2>
        {overall && <p>{overall}</p>}
        <ScrollRegion label="What you told me, as a table">
          <table className="report-table">
            <caption className="sr-only">How often you see each side of my management, and what you asked for</caption>
            <thead>
              <tr>
                <th scope="col">Aspect</th>
                <th scope="col">How often you see me managing</th>
                <th scope="col">How often you see me leading</th>
                <th scope="col">What you asked for</th>
              </tr>
            </thead>
            <tbody>
              {debriefRows(team, report.thresholds).map((row) => (
                <tr key={row.aspect}>
                  <th scope="row">{row.name}</th>
                  <td>{row.managing}</td>
                  <td>{row.leading}</td>
                  <td>{row.asked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="text-sm text-slate-700">
          Averages of your answers, from 1 (never) to 5 (always); n is how many of you answered. No single answer and no comment is shown, and a score appears
          only when at least {report.thresholds.k} of you answered it.
        </p>
      </section>

      <section aria-labelledby="debrief-practise" className="report-section space-y-2">
        <h2 id="debrief-practise" className="text-xl font-semibold">
          What I will practise
        </h2>
        {commitments.items.length === 0 ? (
          <p>
            I have not chosen yet.{" "}
            <Link href={`/report/${report.cycle.id}#commitments-heading`} className="underline print:hidden">
              Choose up to three actions on your report
            </Link>
          </p>
        ) : (
          <ol className="list-decimal space-y-2 pl-6">
            {commitments.items.map((item) => (
              <li key={item.id}>
                <span className="font-medium">{item.text}</span>{" "}
                <span className="text-sm text-slate-700">
                  ({en.aspects[item.commitment.aspect].name} · {DIRECTION_LABELS[item.commitment.direction]})
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
