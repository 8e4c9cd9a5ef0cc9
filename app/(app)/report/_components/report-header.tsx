import Link from "next/link";
import { formatDay } from "@/lib/dates";
import type { ReportCycle, ReportSubject } from "@/server/dal/report";
import { PrintButton } from "./print-button";

export function reportHref(cycle: ReportCycle, manager: ReportSubject) {
  return manager.isViewer ? `/report/${cycle.id}` : `/report/${cycle.id}/${manager.id}`;
}

/** Whose report, which cycle, the other cycles to pick from, and the way to the definitions. */
export function ReportHeader({ manager, cycle, cycles }: { manager: ReportSubject; cycle: ReportCycle; cycles: ReportCycle[] }) {
  return (
    <header className="space-y-3">
      <p className="text-sm font-medium tracking-wide text-slate-700 uppercase">Upward feedback report</p>
      <h1 id="report-title" className="text-2xl font-bold">
        {manager.isViewer ? "Your report" : `${manager.name}'s report`}: {cycle.name}
      </h1>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span className="text-slate-700">
          {cycle.state === "closed" ? `Closed on ${formatDay(cycle.closesOn)}` : `Open until ${formatDay(cycle.closesOn)}`}
        </span>
        <Link href="/how-scores-work">How scores work</Link>
        {cycle.state === "closed" && <PrintButton />}
      </div>
      {cycles.length > 1 && (
        <nav aria-label="Cycles" className="report-cycles">
          <ul className="flex flex-wrap gap-2 text-sm">
            {cycles.map((other) => (
              <li key={other.id}>
                <Link
                  href={reportHref(other, manager)}
                  aria-current={other.id === cycle.id ? "page" : undefined}
                  className="block rounded-md border border-slate-300 bg-white px-3 py-1 no-underline hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {other.name}
                  {other.state === "open" && " (open)"}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
