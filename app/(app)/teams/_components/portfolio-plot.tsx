"use client";

import dynamic from "next/dynamic";
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { fitBandLegend, portfolioPoints, portfolioSummary } from "@/lib/teams/portfolio";
import type { TeamRow } from "@/lib/teams/rows";
import { SCORE_NAMES } from "@/lib/vocabulary";
import { FIT_BANDS, Marker } from "./portfolio-marker";

// The plot draws one SVG link per team: the browser draws it after the table, and the
// server does not spend its render time on it. Its caption, summary and legend are
// rendered on the server, so the page's text arrives with the HTML.
const PortfolioChart = dynamic(() => import("./portfolio-chart").then((module) => module.PortfolioChart), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-700">Drawing the portfolio plot…</p>,
});

/**
 * Every plotted team at (B, versatility), coloured and shaped by its fit to the situation,
 * over four labelled quadrants. Each point is a link to that team's report, named with the
 * manager and the numbers, so a keyboard reaches every one with Tab.
 */
export const PortfolioPlot = memo(function PortfolioPlot({ rows: latest, cycleId }: { rows: TeamRow[]; cycleId: string }) {
  // Thousands of shapes: they follow the filters in the background, and are drawn only once the plot is near the screen.
  const rows = useDeferredValue(latest);
  const points = useMemo(() => portfolioPoints(rows), [rows]);
  const figure = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = figure.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: "400px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <figure
      ref={figure}
      aria-labelledby="portfolio-caption"
      aria-describedby="portfolio-summary"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <figcaption id="portfolio-caption" className="font-semibold">
        Portfolio: overall balance against versatility
      </figcaption>
      <p id="portfolio-summary" className="text-sm text-slate-700">
        {portfolioSummary(points, rows.length)} Each point is a link to that team&apos;s report: hover or tab to it for the numbers.
      </p>
      {/* The plot's height is set here, by the screen's width, so nothing moves when it is drawn. */}
      <div className="h-80 w-full max-w-[47.5rem] sm:h-[28.75rem]">{near && <PortfolioChart points={points} cycleId={cycleId} />}</div>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-800" aria-label={`Marker colour and shape: ${SCORE_NAMES.fit}`}>
        {FIT_BANDS.map((band) => (
          <li key={band} className="flex items-center gap-1.5">
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
              <Marker band={band} />
            </svg>
            {fitBandLegend(band)}
          </li>
        ))}
      </ul>
    </figure>
  );
});
