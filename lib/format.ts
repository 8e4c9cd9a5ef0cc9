/**
 * Display formatting. Rounding happens here and only here: the scoring code always
 * works with full precision.
 */
import type { Interval } from "./scoring/stats";

const MINUS = "\u2212";

/**
 * Decimals a value is first written out to before it is rounded for display. Every number
 * Fulcrum shows is a fraction of small whole numbers (sums of 1–5 answers over counts),
 * computed in doubles with an error far below 10⁻¹³. Writing it out to 12 decimals removes
 * that error, so 63/20, held as 3.1499999999999995, is read as exactly 3.15. A fraction
 * p/q that is not a tie lies at least 1/(2q·10^digits) from one, far more than 10⁻¹²
 * for every q below 10⁹, so no such fraction is pulled onto a tie.
 */
const EXACT_DECIMALS = 12;
/** Beyond this the 12 decimals would outrun a double's precision; no score comes near. */
const LARGEST_ROUNDED = 1e3;

/**
 * The value rounded to `digits` decimals, half away from zero on its exact value, as an
 * integer count of 10^−digits steps: `roundedUnits(3.15, 1)` is 32, `roundedUnits(−0.625, 2)`
 * is −63. Whole numbers, so the rounding itself adds no error: below LARGEST_ROUNDED with
 * at most EXACT_DECIMALS decimals they have at most 15 digits, which a double holds exactly.
 */
export function roundedUnits(value: number, digits: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= LARGEST_ROUNDED) throw new RangeError(`Cannot round ${value} for display`);
  if (!Number.isInteger(digits) || digits < 0 || digits > EXACT_DECIMALS) throw new RangeError(`Digits must be 0 to ${EXACT_DECIMALS}, got ${digits}`);
  const magnitude = digits <= QUICK_DIGITS ? quickMagnitude(Math.abs(value), digits) : null;
  return withSign(value, magnitude ?? exactMagnitude(value, digits));
}

/** Up to this many decimals, a value clear of a tie is rounded in doubles (see `quickMagnitude`). */
const QUICK_DIGITS = 3;
/** How far from a tie, in steps of 10^−digits, a value must be for doubles to round it. */
const CLEAR_OF_TIE = 1e-9;

/**
 * The rounded magnitude worked out in doubles, or `null` when the value is too near a tie
 * for doubles to decide. Text is exact but slow, and the teams page rounds a dozen values
 * for each of thousands of teams. Below LARGEST_ROUNDED with at most QUICK_DIGITS
 * decimals, `magnitude · 10^digits` is within 1.2·10⁻¹⁰ of its exact product, and the
 * written-out value within 5·10⁻¹⁰ of the value in those steps: far less than
 * CLEAR_OF_TIE. So wherever the two could round differently, which is only at a tie, this
 * leaves it to the text. Next to a whole number both give the same: the nearest one.
 */
function quickMagnitude(magnitude: number, digits: number): number | null {
  const steps = magnitude * 10 ** digits;
  const whole = Math.floor(steps);
  const rest = steps - whole;
  if (Math.abs(rest - 0.5) <= CLEAR_OF_TIE) return null;
  return rest > 0.5 ? whole + 1 : whole;
}

/** The rounded magnitude from the exact value's digits, in a string: worked on as text, the rounding cannot err. */
function exactMagnitude(value: number, digits: number): number {
  const exact = Math.abs(value).toFixed(EXACT_DECIMALS);
  const point = exact.length - EXACT_DECIMALS - 1;
  const kept = Number(exact.slice(0, point) + exact.slice(point + 1, point + 1 + digits));
  // Half a step or more rounds up, on the magnitude, which is away from zero: the first
  // digit dropped says which.
  return digits < EXACT_DECIMALS && exact.charAt(point + 1 + digits) >= "5" ? kept + 1 : kept;
}

/** Never −0: a value that rounds to nothing has no sign. */
function withSign(value: number, magnitude: number): number {
  return value < 0 && magnitude > 0 ? -magnitude : magnitude;
}

/** The value as it is displayed, back as a number: `roundForDisplay(63 / 20, 1)` → 3.2. */
export function roundForDisplay(value: number, digits = 1): number {
  return roundedUnits(value, digits) / 10 ** digits;
}

/** The sign a value shows once rounded to `digits` decimals: −0.04 shows as 0.0, so 0. */
export function displayedSign(value: number, digits = 1): -1 | 0 | 1 {
  const units = roundedUnits(value, digits);
  return units === 0 ? 0 : units < 0 ? -1 : 1;
}

/**
 * Fixed decimals, rounded half away from zero so that a value and its negative always look
 * alike, with a typographic minus and never a negative zero ("−0.0").
 */
function fixed(value: number, digits: number): string {
  const units = roundedUnits(value, digits);
  const magnitude = String(Math.abs(units)).padStart(digits + 1, "0");
  const text = digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return units < 0 ? `${MINUS}${text}` : text;
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

/** A count with a comma between thousands, the same on every machine: `formatCount(2155)` → "2,155". */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
