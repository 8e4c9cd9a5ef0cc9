"use client";

import { useRouter } from "next/navigation";
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { CartesianGrid, ReferenceArea, ReferenceLine, Scatter, ScatterChart, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import { COLOURS } from "@/app/_components/chart-palette";
import { formatScore, formatSigned } from "@/lib/format";
import { FIT_COLOURS, type FitBand } from "@/lib/teams/colour";
import { DIGITS } from "@/lib/teams/csv";
import {
  balanceDomain,
  balanceTicks,
  type PortfolioPoint,
  portfolioPoints,
  QUADRANT_LABELS,
  quadrantCounts,
  VERSATILITY_MIDPOINT,
} from "@/lib/teams/portfolio";
import type { TeamRow } from "@/lib/teams/rows";
import { FIT_GAP_LIMIT } from "@/lib/teams/view";

const BANDS: { band: FitBand; label: string; shape: "triangle" | "circle" | "diamond" }[] = [
  { band: "more_managing", label: `Fit gap below −${FIT_GAP_LIMIT}: more managing than the situation asks`, shape: "triangle" },
  { band: "fits", label: `Fit gap within ±${FIT_GAP_LIMIT}`, shape: "circle" },
  { band: "more_leading", label: `Fit gap above +${FIT_GAP_LIMIT}: more leading than the situation asks`, shape: "diamond" },
];

const minus = (value: number) => String(value).replace("-", "\u2212");

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as PortfolioPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-semibold">{point.name}</p>
      <p>
        B {formatSigned(point.balance, DIGITS.balance)} · versatility {formatScore(point.versatility, DIGITS.versatility)}
      </p>
      <p>Fit gap {formatSigned(point.fitGap, DIGITS.fitGap)}</p>
      <p className="text-slate-600">Click to open the report</p>
    </div>
  );
}

const QUADRANTS = [
  { key: "strong_managing", side: "managing", top: true, position: "insideTopLeft" },
  { key: "strong_leading", side: "leading", top: true, position: "insideTopRight" },
  { key: "growing_managing", side: "managing", top: false, position: "insideBottomLeft" },
  { key: "growing_leading", side: "leading", top: false, position: "insideBottomRight" },
] as const;

/**
 * Every plotted team at (B, versatility), coloured and shaped by its fit gap, over four
 * labelled quadrants. Clicking a point opens that team's report; the heatmap above links
 * the same reports for keyboard and screen-reader users.
 */
export const PortfolioPlot = memo(function PortfolioPlot({ rows: latest, cycleId }: { rows: TeamRow[]; cycleId: string }) {
  // Thousands of shapes: they follow the filters in the background, and are drawn only once the plot is near the screen.
  const rows = useDeferredValue(latest);
  const points = useMemo(() => portfolioPoints(rows), [rows]);
  const counts = quadrantCounts(points);
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
        {points.length} of {rows.length} teams plotted (the others have no B shown).{" "}
        {QUADRANTS.map((q) => `${QUADRANT_LABELS[q.key]}: ${counts[q.key]}`).join(". ")}. Click a point to open that team&apos;s report.
      </p>
      {near ? <Chart points={points} cycleId={cycleId} /> : <div style={{ width: 760, maxWidth: "100%", aspectRatio: "760 / 460" }} />}
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-800" aria-label="Marker colour and shape: the fit gap B − T">
        {BANDS.map(({ band, label, shape }) => (
          <li key={band} className="flex items-center gap-1.5">
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
              {shape === "circle" && <circle r="5" fill={FIT_COLOURS[band]} />}
              {shape === "triangle" && <polygon points="0,-6 5.5,4.5 -5.5,4.5" fill={FIT_COLOURS[band]} />}
              {shape === "diamond" && <polygon points="0,-6 6,0 0,6 -6,0" fill={FIT_COLOURS[band]} />}
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </figure>
  );
});

function Chart({ points, cycleId }: { points: PortfolioPoint[]; cycleId: string }) {
  const router = useRouter();
  const [low, high] = balanceDomain(points);
  const open = (item: unknown) => {
    const point = (item as { payload?: PortfolioPoint } | undefined)?.payload;
    if (point) router.push(`/report/${cycleId}/${point.id}`);
  };
  return (
    <ScatterChart
      width={760}
      height={460}
      margin={{ top: 16, right: 24, bottom: 36, left: 8 }}
      style={{ maxWidth: "100%", height: "auto" }}
      title="Teams by overall balance and versatility"
    >
      <CartesianGrid stroke={COLOURS.gridLight} />
      {QUADRANTS.map((q) => (
        <ReferenceArea
          key={q.key}
          x1={q.side === "managing" ? low : 0}
          x2={q.side === "managing" ? 0 : high}
          y1={q.top ? VERSATILITY_MIDPOINT : 1}
          y2={q.top ? 5 : VERSATILITY_MIDPOINT}
          fill="none"
          stroke="none"
          label={{ value: QUADRANT_LABELS[q.key], position: q.position, fill: COLOURS.tick, fontSize: 12 }}
        />
      ))}
      <XAxis
        type="number"
        dataKey="balance"
        name="B"
        domain={[low, high]}
        ticks={balanceTicks([low, high])}
        tickFormatter={minus}
        tick={{ fill: COLOURS.tick, fontSize: 11 }}
        label={{ value: "Overall balance B: managing ← 0 → leading", position: "bottom", offset: 14, fill: COLOURS.label, fontSize: 12 }}
      />
      <YAxis
        type="number"
        dataKey="versatility"
        name="Versatility"
        domain={[1, 5]}
        ticks={[1, 2, 3, 4, 5]}
        width={40}
        tick={{ fill: COLOURS.tick, fontSize: 11 }}
        label={{ value: "Versatility", angle: -90, position: "insideLeft", fill: COLOURS.label, fontSize: 12 }}
      />
      <ReferenceLine x={0} stroke={COLOURS.reference} />
      <ReferenceLine y={VERSATILITY_MIDPOINT} stroke={COLOURS.reference} />
      {BANDS.map(({ band, label, shape }) => (
        <Scatter
          key={band}
          name={label}
          data={points.filter((point) => point.band === band)}
          fill={FIT_COLOURS[band]}
          shape={shape}
          isAnimationActive={false}
          onClick={open}
          cursor="pointer"
        />
      ))}
      <Tooltip content={PointTooltip} cursor={false} />
    </ScatterChart>
  );
}
