import { fitBandLegend, type PortfolioPoint } from "@/lib/teams/portfolio";
import { SCORE_NAMES } from "@/lib/vocabulary";
import { FIT_BANDS, Marker } from "./portfolio-marker";
import { PortfolioDrawing } from "./portfolio-drawing";

/**
 * The teams of the table's page at (B, versatility), coloured and shaped by their fit to
 * the situation, over four labelled quadrants; the summary, in words, covers every team the
 * filters keep. Each point is a link to that team's report, named with the manager and the
 * numbers, so a keyboard reaches every one with Tab. Everything but the drawing is rendered
 * on the server.
 */
export function PortfolioPlot({ summary, points, domain, cycleId }: { summary: string; points: PortfolioPoint[]; domain: [number, number]; cycleId: string }) {
  return (
    <figure aria-labelledby="portfolio-caption" aria-describedby="portfolio-summary" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption id="portfolio-caption" className="font-semibold">
        Portfolio: overall balance against versatility
      </figcaption>
      <p id="portfolio-summary" className="text-sm text-slate-700">
        {summary} Each point is a link to that team&apos;s report: hover or tab to it for the numbers.
      </p>
      <PortfolioDrawing points={points} domain={domain} cycleId={cycleId} />
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
}
