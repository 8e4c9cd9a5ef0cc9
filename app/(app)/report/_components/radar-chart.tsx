"use client";

import { useState } from "react";
import {
  type BaseTickContentProps,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  type RadarPoint,
  Tooltip,
  type TooltipContentProps,
} from "recharts";
import { CHART_FONT_SIZE, COLOURS } from "@/app/_components/chart-palette";

/** One aspect of the radar. `null` is a hidden or missing value: it is left out, never drawn as 0. */
export interface RadarDatum {
  aspect: string;
  management: number | null;
  leadership: number | null;
  selfManagement: number | null;
  selfLeadership: number | null;
  /** What the tooltip says about each pole: the score with n and interval, or why it is hidden. */
  managementText: string;
  leadershipText: string;
  selfText: string;
}

type SeriesKey = "management" | "leadership" | "selfManagement" | "selfLeadership";

const SERIES: readonly { key: SeriesKey; name: string; colour: string; self: boolean }[] = [
  { key: "management", name: "Team: managing", colour: COLOURS.management, self: false },
  { key: "leadership", name: "Team: leading", colour: COLOURS.leadership, self: false },
  { key: "selfManagement", name: "Self: managing", colour: COLOURS.management, self: true },
  { key: "selfLeadership", name: "Self: leading", colour: COLOURS.leadership, self: true },
];

/**
 * Draws a series through its present points only. Recharts puts a missing value at the
 * centre, which would read as a score of 1; here a gap stays a gap, and a polygon is
 * closed and filled only when every aspect has a value.
 */
function gapAwareShape(props: { points: RadarPoint[]; stroke?: string; fill?: string; fillOpacity?: number; strokeDasharray?: string }) {
  const { points, stroke, fill, fillOpacity, strokeDasharray } = props;
  const present = points.filter((point) => point.value !== null && point.value !== undefined);
  const complete = present.length === points.length;
  const edges = complete
    ? `${points.map((point, i) => `${i === 0 ? "M" : "L"} ${point.x} ${point.y}`).join(" ")} Z`
    : points
        .map((point, i) => [point, points[(i + 1) % points.length]!] as const)
        .filter(([from, to]) => present.includes(from) && present.includes(to))
        .map(([from, to]) => `M ${from.x} ${from.y} L ${to.x} ${to.y}`)
        .join(" ");
  return (
    <g>
      <path d={edges} stroke={stroke} strokeWidth={2} strokeDasharray={strokeDasharray} fill={complete ? fill : "none"} fillOpacity={fillOpacity} />
      {present.map((point) => (
        <circle key={point.angle} cx={point.x} cy={point.y} r={3} fill={stroke} />
      ))}
    </g>
  );
}

/** In em: the spacing of an aspect name's lines, and the height of a capital (how far a line's top sits above its baseline). */
const LINE_HEIGHT = 1.2;
const CAP_HEIGHT = 0.71;

/**
 * An aspect's name beside its spoke, broken after each space or hyphen ("Decision- / making")
 * so that the labels need little room beside the radar on a phone. Like Recharts' own label,
 * it sits above the top spoke, below the bottom ones and level with the others.
 */
function AspectTick({ x, y, textAnchor, verticalAnchor, payload }: BaseTickContentProps) {
  const lines = String(payload.value).split(/(?<=-)|\s+/);
  const firstLine =
    verticalAnchor === "end"
      ? -(lines.length - 1) * LINE_HEIGHT
      : verticalAnchor === "start"
        ? CAP_HEIGHT
        : CAP_HEIGHT / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={x} y={y} textAnchor={textAnchor} fontSize={CHART_FONT_SIZE} fill={COLOURS.label}>
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={`${i === 0 ? firstLine : LINE_HEIGHT}em`}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function RadarTooltip({ active, payload }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as RadarDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-semibold">{datum.aspect}</p>
      <p>{datum.managementText}</p>
      <p>{datum.leadershipText}</p>
      <p>{datum.selfText}</p>
    </div>
  );
}

/**
 * The team's managing and leading polygons on the 1–5 scale, with the self-assessment as
 * dashed overlays. The legend is a row of toggle buttons, so any series can be hidden by
 * mouse or keyboard. The chart is laid out for the width it is given, from a phone's to
 * 520 px, so its labels keep their size in pixels; margins leave room for the names beside it.
 */
export function ProfileRadarChart({ data, hasSelf }: { data: RadarDatum[]; hasSelf: boolean }) {
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(new Set());
  const series = SERIES.filter((s) => hasSelf || !s.self);
  const toggle = (key: SeriesKey) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <div className="report-radar w-full space-y-2 lg:w-[32.5rem]">
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Radar series: press to show or hide">
        {series.map((s) => (
          <li key={s.key}>
            <button
              type="button"
              aria-pressed={!hidden.has(s.key)}
              onClick={() => toggle(s.key)}
              className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 aria-[pressed=false]:text-slate-500 aria-[pressed=false]:line-through"
            >
              <svg viewBox="0 0 24 8" className="h-2 w-6" aria-hidden="true">
                <line x1={0} x2={24} y1={4} y2={4} stroke={s.colour} strokeWidth={3} strokeDasharray={s.self ? "4 3" : undefined} />
              </svg>
              {s.name}
            </button>
          </li>
        ))}
      </ul>
      <RadarChart
        responsive
        data={data}
        margin={{ top: 24, right: 72, bottom: 36, left: 72 }}
        outerRadius="90%"
        title="Managing and leading per aspect, 1 to 5"
        style={{ width: "100%", maxWidth: 520, aspectRatio: "4 / 3" }}
      >
        <PolarGrid stroke={COLOURS.grid} />
        <PolarAngleAxis dataKey="aspect" tick={AspectTick} />
        <PolarRadiusAxis domain={[1, 5]} tickCount={5} angle={64} tick={{ fill: COLOURS.tick, fontSize: CHART_FONT_SIZE }} axisLine={false} />
        {series.map((s) => (
          <Radar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            hide={hidden.has(s.key)}
            stroke={s.colour}
            fill={s.colour}
            fillOpacity={s.self ? 0 : 0.15}
            strokeDasharray={s.self ? "6 4" : undefined}
            shape={gapAwareShape}
            isAnimationActive={false}
          />
        ))}
        <Tooltip content={RadarTooltip} />
      </RadarChart>
    </div>
  );
}
