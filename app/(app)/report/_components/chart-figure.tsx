import { ScrollRegion } from "@/app/_components/scroll-region";
import type { ReactNode } from "react";

/**
 * A chart with what makes it usable without seeing it: a caption, a text summary with
 * the key numbers, and a "Show as table" twin holding every number the chart draws. The
 * twin is a native <details>, so it opens by keyboard and needs no script.
 */
export function ChartFigure({
  id,
  caption,
  summary,
  table,
  className = "",
  children,
}: {
  id: string;
  /** Extra classes for the figure, e.g. to lay it out differently in print. */
  className?: string;
  caption: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} aria-describedby={`${id}-summary`} className={`report-figure space-y-3 ${className}`}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {caption}
      </figcaption>
      <p id={`${id}-summary`} className="text-sm text-slate-700">
        {summary}
      </p>
      {children}
      <details className="report-table-twin rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">Show as table</summary>
        <ScrollRegion label={`${caption}, as a table`} className="px-3 pb-3">
          {table}
        </ScrollRegion>
      </details>
    </figure>
  );
}
