/**
 * The report's colours, from the Okabe–Ito palette: blue and vermilion stay distinct for
 * every common kind of colour blindness, and both have at least 3:1 contrast on white.
 * Markers never rely on colour: each has its own shape and a legend entry.
 */
export const COLOURS = {
  management: "#0072B2",
  leadership: "#D55E00",
  marker: "#1e293b",
  grid: "#94a3b8",
} as const;
