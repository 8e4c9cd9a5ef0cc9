"use client";

import Link from "next/link";
import { useLayoutEffect, useRef, useState } from "react";
import {
  type CartesianViewBox,
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { COLOURS } from "@/app/_components/chart-palette";
import { balanceTicks, type PortfolioPoint, pointDescription, QUADRANT_LABELS, VERSATILITY_MIDPOINT } from "@/lib/teams/portfolio";
import { Marker } from "./portfolio-marker";

const minus = (value: number) => String(value).replace("-", "\u2212");

/** Text sizes in px, drawn at the plot's real size (never scaled down), so never under 11 px. */
const TICK_SIZE = 11;
const LABEL_SIZE = 12;
/** Below this width each quadrant's label takes two lines, so that labels side by side never meet. */
const NARROW_WIDTH = 560;

const QUADRANTS = [
  { key: "strong_managing", side: "managing", top: true },
  { key: "strong_leading", side: "leading", top: true },
  { key: "growing_managing", side: "managing", top: false },
  { key: "growing_leading", side: "leading", top: false },
] as const;

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as PortfolioPoint | undefined;
  if (!active || !point) return null;
  const [name, numbers] = pointDescription(point).split(": ");
  return (
    <div className="max-w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-semibold">{name}</p>
      <p>{numbers}.</p>
      <p className="text-slate-600">Click to open the report</p>
    </div>
  );
}

/** A quadrant's name in its outer corner: on one line, or on two when the plot is narrow. */
function QuadrantLabel({
  viewBox,
  text,
  side,
  top,
  narrow,
}: {
  viewBox?: CartesianViewBox;
  text: string;
  side: "managing" | "leading";
  top: boolean;
  narrow: boolean;
}) {
  const { x = 0, y = 0, width = 0, height = 0 } = viewBox ?? {};
  const lines = narrow ? text.split(/(?<=,) /) : [text];
  const lineHeight = LABEL_SIZE + 2;
  const left = side === "managing";
  const textX = left ? x + 6 : x + width - 6;
  const firstY = top ? y + LABEL_SIZE + 4 : y + height - 6 - (lines.length - 1) * lineHeight;
  return (
    <text x={textX} y={firstY} textAnchor={left ? "start" : "end"} fill={COLOURS.tick} fontSize={LABEL_SIZE}>
      {lines.map((line, i) => (
        <tspan key={line} x={textX} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A point: a link to the team's report, named with the manager and the numbers. A keyboard
 * reaches it with Tab; focused, it draws a ring and the manager's name beside it.
 */
function PointLink({ point, cx, cy, cycleId, labelLeft }: { point: PortfolioPoint; cx: number; cy: number; cycleId: string; labelLeft: boolean }) {
  return (
    <Link
      href={`/report/${cycleId}/${point.id}`}
      prefetch={false}
      aria-label={pointDescription(point)}
      data-portfolio-point={point.id}
      className="group outline-none"
    >
      <g transform={`translate(${cx} ${cy})`}>
        <circle r="10" fill="transparent" strokeWidth="2" className="stroke-transparent group-focus-visible:stroke-brand-700" />
        <Marker band={point.band} />
        <text
          x={labelLeft ? -14 : 14}
          y={4}
          textAnchor={labelLeft ? "end" : "start"}
          fontSize={LABEL_SIZE}
          fill={COLOURS.label}
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
          className="hidden group-focus-visible:inline"
          aria-hidden="true"
        >
          {point.name}
        </text>
      </g>
    </Link>
  );
}

interface ChartProps {
  points: PortfolioPoint[];
  /** The B axis, the same on every page of the table. */
  domain: [number, number];
  cycleId: string;
}

/** The plot, drawn at the size of its frame (the frame's height is set by the page's CSS). */
export function PortfolioChart({ points, domain, cycleId }: ChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={frame} className="h-full w-full">
      {size && size.width > 0 && <Chart points={points} domain={domain} cycleId={cycleId} width={size.width} height={size.height} />}
    </div>
  );
}

function Chart({ points, domain: [low, high], cycleId, width, height }: ChartProps & { width: number; height: number }) {
  const narrow = width < NARROW_WIDTH;
  return (
    <ScatterChart
      width={width}
      height={height}
      margin={{ top: 16, right: narrow ? 12 : 24, bottom: 36, left: 8 }}
      // The points are links of their own; the chart's own keyboard layer would be a second, nameless stop.
      accessibilityLayer={false}
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
          label={(props: { viewBox?: CartesianViewBox }) => (
            <QuadrantLabel viewBox={props.viewBox} text={QUADRANT_LABELS[q.key]} side={q.side} top={q.top} narrow={narrow} />
          )}
        />
      ))}
      <XAxis
        type="number"
        dataKey="balance"
        name="B"
        domain={[low, high]}
        ticks={balanceTicks([low, high])}
        tickFormatter={minus}
        tick={{ fill: COLOURS.tick, fontSize: TICK_SIZE }}
        label={{ value: "Overall balance (B): managing ← 0 → leading", position: "bottom", offset: 14, fill: COLOURS.label, fontSize: LABEL_SIZE }}
      />
      <YAxis
        type="number"
        dataKey="versatility"
        name="Versatility"
        domain={[1, 5]}
        ticks={[1, 2, 3, 4, 5]}
        width={40}
        tick={{ fill: COLOURS.tick, fontSize: TICK_SIZE }}
        label={{ value: "Versatility", angle: -90, position: "insideLeft", fill: COLOURS.label, fontSize: LABEL_SIZE }}
      />
      <ReferenceLine x={0} stroke={COLOURS.reference} />
      <ReferenceLine y={VERSATILITY_MIDPOINT} stroke={COLOURS.reference} />
      <Scatter
        data={points}
        isAnimationActive={false}
        shape={({ cx, cy, payload }: { cx?: number; cy?: number; payload?: PortfolioPoint }) =>
          cx === undefined || cy === undefined || !payload ? <g /> : <PointLink point={payload} cx={cx} cy={cy} cycleId={cycleId} labelLeft={cx > width / 2} />
        }
      />
      <Tooltip content={PointTooltip} cursor={false} />
    </ScatterChart>
  );
}
