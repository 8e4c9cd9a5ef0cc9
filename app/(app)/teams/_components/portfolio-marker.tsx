import { FIT_COLOURS, type FitBand } from "@/lib/teams/colour";

/** The bands in the legend's order, from more managing to more leading. */
export const FIT_BANDS: readonly FitBand[] = ["more_managing", "fits", "more_leading"];

/**
 * A point's marker, centred on the origin: its shape and its colour both tell the fit band,
 * so colour is never the only carrier. The plot's points and its legend draw the same one.
 */
export function Marker({ band }: { band: FitBand }) {
  const fill = FIT_COLOURS[band];
  if (band === "more_managing") return <polygon points="0,-6 5.5,4.5 -5.5,4.5" fill={fill} />;
  if (band === "more_leading") return <polygon points="0,-6 6,0 0,6 -6,0" fill={fill} />;
  return <circle r="5" fill={fill} />;
}
