/**
 * Colours of the teams page. Balance uses a diverging scale: blue toward managing,
 * vermilion toward leading (the Okabe–Ito pair the report uses, distinct for common
 * colour blindness), white-ish around 0. Every cell also prints its value, so colour is
 * never the only carrier; the text colour is chosen for WCAG AA contrast.
 */
import { FIT_GAP_LIMIT } from "./view";

export interface CellColour {
  readonly background: string;
  readonly text: string;
}

const NEUTRAL = "#f1f5f9";
const DARK_TEXT = "#0f172a";
const LIGHT_TEXT = "#ffffff";
/** Lightest to strongest. */
const MANAGING = ["#d9eaf3", "#b3d5e8", "#80b9d9", "#4d9cc9", "#005a8c"] as const;
const LEADING = ["#f9e7d9", "#f2cfb3", "#eaaf80", "#e28e4d", "#a34700"] as const;
/** Upper bounds of |b| for the neutral band and the first four steps; beyond is the strongest. */
const STEPS = [0.05, 0.15, 0.3, 0.45, 0.6] as const;

/** Which step of the scale a balance falls on: 0 is neutral, ±1…±5 toward leading (+) or managing (−). */
export function balanceStep(value: number): number {
  const magnitude = Math.abs(value);
  const step = STEPS.findIndex((bound) => magnitude < bound);
  const level = step === -1 ? STEPS.length : step;
  return value < 0 ? -level : level;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function withText(background: string): CellColour {
  const text = contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
  return { background, text };
}

/** The colours of a balance cell. */
export function balanceColour(value: number): CellColour {
  const step = balanceStep(value);
  if (step === 0) return withText(NEUTRAL);
  return withText((step < 0 ? MANAGING : LEADING)[Math.abs(step) - 1]!);
}

/** Every step of the balance scale with its colours, from most managing (−5) to most leading (+5), for the legend. */
export function balanceLegend(): { step: number; colour: CellColour }[] {
  return Array.from({ length: 11 }, (_, i) => i - 5).map((step) => ({
    step,
    colour: step === 0 ? withText(NEUTRAL) : withText((step < 0 ? MANAGING : LEADING)[Math.abs(step) - 1]!),
  }));
}

export type FitBand = "more_managing" | "fits" | "more_leading";

/** Where a fit gap falls: within ±FIT_GAP_LIMIT it fits; beyond it leans further than the situation asks. */
export function fitBand(fitGap: number): FitBand {
  if (fitGap > FIT_GAP_LIMIT) return "more_leading";
  if (fitGap < -FIT_GAP_LIMIT) return "more_managing";
  return "fits";
}

/** Marker colours for the portfolio plot, each with at least 3:1 contrast on white. */
export const FIT_COLOURS: Readonly<Record<FitBand, string>> = {
  more_managing: MANAGING[4],
  fits: "#475569",
  more_leading: LEADING[4],
};
