/**
 * The colours of every chart: the report's and the teams page's. Data takes the Okabe–Ito
 * pair: blue and vermilion stay distinct for every common kind of colour blindness, and
 * both have at least 3:1 contrast on white. Markers never rely on colour: each has its own
 * shape and a legend entry. The rest are Tailwind's slate greys, as in the surrounding page.
 * (The teams heatmap's diverging scale, and the portfolio markers drawn from it, are in
 * lib/teams/colour.ts, which also checks their contrast.)
 */
export const COLOURS = {
  management: "#0072B2",
  leadership: "#D55E00",
  /** Markers: slate-800. */
  marker: "#1e293b",
  /** Axis titles, category ticks and labels on points: slate-800, like the markers. */
  label: "#1e293b",
  /** Axis and reference lines inside a plot: slate-400. */
  grid: "#94a3b8",
  /** A plot's background grid: slate-200. */
  gridLight: "#e2e8f0",
  /** Tick labels and quadrant labels: slate-700. */
  tick: "#334155",
  /** The zero lines of a scatter plot: slate-500. */
  reference: "#64748b",
  /** The track behind a bar: slate-100. */
  track: "#f1f5f9",
} as const;

/**
 * The font size of every label drawn inside a chart, in pixels. The charts are laid out for
 * their width, so this is the size on screen; it sits a pixel above the 11 px minimum because
 * Recharts rounds a chart to whole pixels and a fractional container then scales it down a little.
 */
export const CHART_FONT_SIZE = 12;
