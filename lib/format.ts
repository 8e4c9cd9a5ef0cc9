/**
 * Display formatting. Rounding happens here and only here: the scoring code always
 * works with full precision.
 */
import type { Interval } from "./scoring/stats";

const MINUS = "\u2212";

/** The sign a value shows once rounded to `digits` decimals: −0.04 shows as 0.0, so 0. */
export function displayedSign(value: number, digits = 1): -1 | 0 | 1 {
  if (Number(Math.abs(value).toFixed(digits)) === 0) return 0;
  return value < 0 ? -1 : 1;
}

/**
 * Fixed decimals, rounded on the magnitude so that a value and its negative always look
 * alike, with a typographic minus and never a negative zero ("−0.0").
 */
function fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  return displayedSign(value, digits) < 0 ? `${MINUS}${text}` : text;
}

/** A score for display: `formatScore(4.25)` → "4.3", `formatScore(-0.55)` → "−0.6". */
export function formatScore(value: number, digits = 1): string {
  return fixed(value, digits);
}

/** A signed change or position: "+1.2", "−0.4", "0.0". */
export function formatSigned(value: number, digits = 1): string {
  const text = fixed(value, digits);
  return displayedSign(value, digits) > 0 ? `+${text}` : text;
}

/** A confidence interval: "3.1–4.5". */
export function formatInterval(interval: Interval, digits = 1): string {
  return `${fixed(interval.low, digits)}\u2013${fixed(interval.high, digits)}`;
}
