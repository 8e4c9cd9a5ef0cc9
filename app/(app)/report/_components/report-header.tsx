import Link from "next/link";
import { formatDay } from "@/lib/dates";
import type { ReportCycle, ReportSubject } from "@/server/dal/report";
import { PrintButton } from "./print-button";

export function reportHref(cycle: ReportCycle, manager: ReportSubject) {
  return manager.isViewer ? `/report/${cycle.id}` : `/report/${cycle.id}/${manager.id}`;
}

/**
 * A CSS string of any text: every character that could end the string, the rule or the
 * <style> element (quotes, backslashes, angle brackets, ampersands, line breaks) as a hex escape.
 */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:·()-]/gu, (character) => `\\${character.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The running head of the printed report: the manager, the cycle and the day it was printed
 * in the top margin of every page (CSS page-margin boxes), so that a director holding several
 * printouts can tell them apart. Only the words are set here; report.css styles the boxes.
 */
function PrintedRunningHead({ manager, cycle, printedOn }: { manager: ReportSubject; cycle: ReportCycle; printedOn: string }) {
  const css = `@page { @top-left { content: ${cssString(`${manager.name}: ${cycle.name}`)}; } @top-right { content: ${cssString(`Printed on ${formatDay(printedOn)}`)}; } }`;
  return <style>{css}</style>;
}

/**
 * Whose report, which cycle, the other cycles to pick from, and the way to the definitions.
 * The heading names the manager for every reader, the manager included, so a printout
 * says whose it is; the line above it says what it is.
 */
export function ReportHeader({ manager, cycle, cycles, printedOn }: { manager: ReportSubject; cycle: ReportCycle; cycles: ReportCycle[]; printedOn: string }) {
  return (
    <header className="space-y-3">
      <PrintedRunningHead manager={manager} cycle={cycle} printedOn={printedOn} />
      <p className="text-sm font-medium tracking-wide text-slate-700 uppercase">Upward feedback report</p>
      <h1 id="report-title" className="text-2xl font-bold">
        {manager.name}: {cycle.name}
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
