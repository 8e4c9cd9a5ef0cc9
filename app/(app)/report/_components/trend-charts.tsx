"use client";

import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import { CHART_FONT_SIZE, COLOURS } from "@/app/_components/chart-palette";

/** One closed cycle on the trend. `null` means no result that cycle: the line has a gap there. */
export interface TrendDatum {
  cycle: string;
  balance: number | null;
  versatility: number | null;
  /** Shown in the tooltip and on the points, rounded the way the tables round. */
  balanceText: string;
  versatilityText: string;
  respondentsText: string;
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as TrendDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-semibold">{datum.cycle}</p>
      <p>Overall balance {datum.balanceText}</p>
      <p>Versatility {datum.versatilityText}</p>
      <p>{datum.respondentsText}</p>
    </div>
  );
}

const SERIES = {
  balance: { title: "Overall balance", domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1], colour: COLOURS.marker, text: "balanceText" },
  versatility: { title: "Versatility", domain: [1, 5], ticks: [1, 2, 3, 4, 5], colour: COLOURS.management, text: "versatilityText" },
} as const;

/**
 * Overall balance or versatility per closed cycle, as a small line chart of its own: two
 * scales never share an axis. It takes the width it is given, a phone's or half a laptop's,
 * and is laid out for it, so its labels keep their size in pixels.
 */
export function TrendChart({ data, series }: { data: TrendDatum[]; series: keyof typeof SERIES }) {
  const s = SERIES[series];
  return (
    <div className="max-w-md min-w-0 flex-1 basis-72">
      <p className="text-sm font-medium" aria-hidden="true">
        {s.title}
      </p>
      <LineChart
        responsive
        data={data}
        margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
        title={`${s.title} per closed cycle`}
        style={{ width: "100%", height: 190 }}
      >
        <CartesianGrid stroke={COLOURS.gridLight} />
        <XAxis dataKey="cycle" tick={{ fill: COLOURS.label, fontSize: CHART_FONT_SIZE }} padding={{ left: 24, right: 24 }} />
        <YAxis
          domain={[...s.domain]}
          ticks={[...s.ticks]}
          tickFormatter={(value: number) => String(value).replace("-", "\u2212")}
          width={36}
          tick={{ fill: COLOURS.tick, fontSize: CHART_FONT_SIZE }}
        />
        {series === "balance" && <ReferenceLine y={0} stroke={COLOURS.grid} />}
        <Line dataKey={series} stroke={s.colour} strokeWidth={2} dot={{ r: 4, fill: s.colour }} isAnimationActive={false}>
          {/* Points only where there is a value: a cycle without results gets no label either. */}
          <LabelList dataKey={(d: TrendDatum) => (d[series] === null ? null : d[s.text])} position="top" fontSize={CHART_FONT_SIZE} fill={COLOURS.label} />
        </Line>
        <Tooltip content={TrendTooltip} />
      </LineChart>
    </div>
  );
}
