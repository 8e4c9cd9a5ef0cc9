import { COLOURS } from "@/app/_components/chart-palette";

/** Shared geometry of every −1 … +1 axis in the report: 400 units wide, 0 in the middle. */
export const AXIS_WIDTH = 400;
const HALF_SPAN = 180;
export const xOf = (value: number) => AXIS_WIDTH / 2 + Math.max(-1, Math.min(1, value)) * HALF_SPAN;

export const TICKS = [-1, -0.5, 0, 0.5, 1];

/** The situational target: a dashed vertical line ending in a diamond at the bottom. */
export function TargetMarker({ value, height }: { value: number; height: number }) {
  const x = xOf(value);
  const bottom = height - 4;
  return (
    <g>
      <line x1={x} x2={x} y1={0} y2={bottom - 4} stroke={COLOURS.marker} strokeWidth={1.5} strokeDasharray="3 2" />
      <path d={`M ${x} ${bottom - 4} L ${x + 4} ${bottom} L ${x} ${bottom + 4} L ${x - 4} ${bottom} Z`} fill={COLOURS.marker} />
    </g>
  );
}

/** The self-view: a hollow circle. */
export function SelfMarker({ value, y }: { value: number; y: number }) {
  return <circle cx={xOf(value)} cy={y} r={5} fill="white" stroke={COLOURS.marker} strokeWidth={2} />;
}

/** The team's need, halved onto the balance axis: a triangle pointing down. */
export function NeedMarker({ value, y }: { value: number; y: number }) {
  const x = xOf(value);
  return <path d={`M ${x - 5} ${y - 4} L ${x + 5} ${y - 4} L ${x} ${y + 4} Z`} fill={COLOURS.marker} />;
}

/** Light vertical lines at the ticks, with a stronger one at 0. */
export function AxisGrid({ height }: { height: number }) {
  return (
    <g>
      {TICKS.map((tick) => (
        <line
          key={tick}
          x1={xOf(tick)}
          x2={xOf(tick)}
          y1={0}
          y2={height}
          stroke={COLOURS.grid}
          strokeWidth={tick === 0 ? 1.5 : 0.75}
          strokeDasharray={tick === 0 ? undefined : "2 3"}
        />
      ))}
    </g>
  );
}

/** How far across the axis a value sits, in percent of its width, for HTML laid over it. */
const percentAcross = (value: number) => (xOf(value) / AXIS_WIDTH) * 100;

/**
 * The axis's labels over (or under) their ticks. They are HTML, not SVG text: the axes scale
 * with the width of the screen, and their labels must keep a readable size on a phone.
 */
export function AxisLabels({ middle = "0" }: { middle?: string }) {
  return (
    <div className="relative h-5 text-xs whitespace-nowrap sm:text-sm" aria-hidden="true">
      <span className="absolute top-0" style={{ left: `${percentAcross(-1)}%` }}>
        −1 Managing
      </span>
      <span className="absolute top-0 -translate-x-1/2" style={{ left: `${percentAcross(0)}%` }}>
        {middle}
      </span>
      <span className="absolute top-0" style={{ right: `${100 - percentAcross(1)}%` }}>
        Leading +1
      </span>
    </div>
  );
}

/** Legend swatches in HTML, drawn with the same shapes as the chart. */
export function LegendShape({ kind }: { kind: "management" | "leadership" | "self" | "need" | "target" }) {
  return (
    <svg viewBox="0 0 16 16" className="inline-block h-4 w-4 align-[-3px]" aria-hidden="true">
      {kind === "management" || kind === "leadership" ? (
        <rect x={1} y={4} width={14} height={8} fill={COLOURS[kind]} />
      ) : kind === "self" ? (
        <circle cx={8} cy={8} r={5} fill="white" stroke={COLOURS.marker} strokeWidth={2} />
      ) : kind === "need" ? (
        <path d="M 3 4 L 13 4 L 8 12 Z" fill={COLOURS.marker} />
      ) : (
        <>
          <line x1={8} x2={8} y1={0} y2={8} stroke={COLOURS.marker} strokeWidth={1.5} strokeDasharray="3 2" />
          <path d="M 8 8 L 12 12 L 8 16 L 4 12 Z" fill={COLOURS.marker} />
        </>
      )}
    </svg>
  );
}
