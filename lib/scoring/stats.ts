/**
 * Descriptive statistics that work the same from raw values and from the sufficient
 * statistics a database can compute (count, sum, sum of squares).
 */

/** Sufficient statistics of a list of numbers. */
export interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly sumOfSquares: number;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * `mean` needs n ≥ 1; `sd` (sample, n − 1) and the 95% `ci` need n ≥ 2. Missing values
 * are `null`, never 0, so that "no data" can never be mistaken for a score.
 */
export interface Summary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci: Interval | null;
}

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumOfSquares: 0 };

export function momentsOf(values: readonly number[]): Moments {
  let sum = 0;
  let sumOfSquares = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    sum += value;
    sumOfSquares += value * value;
  }
  return { n: values.length, sum, sumOfSquares };
}

export function addMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares };
}

/** A mean with its sample standard deviation and 95% interval: needs n ≥ 2. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly ci: Interval;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Count must be a whole number ≥ 0, got ${n}`);
}

/** Mean, sample standard deviation (n − 1) and 95% Student-t interval; `null` below n = 2. */
export function spreadOf({ n, sum, sumOfSquares }: Moments): Spread | null {
  checkCount(n);
  if (n < 2) return null;
  const mean = sum / n;
  // Rounding in the sums can push a zero variance a hair below 0; it is 0.
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  const sd = Math.sqrt(variance);
  const halfWidth = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci: { low: mean - halfWidth, high: mean + halfWidth } };
}

/** The summary of a series from its sufficient statistics. */
export function fromMoments(moments: Moments): Summary {
  const spread = spreadOf(moments);
  if (spread !== null) return { n: moments.n, ...spread };
  const { n, sum } = moments;
  return { n, mean: n === 0 ? null : sum / n, sd: null, ci: null };
}

/**
 * Same as `fromMoments(momentsOf(values))`, on purpose: the browser, the server and the
 * SQL aggregate path then give bit-for-bit the same numbers for the same answers.
 */
export function summarise(values: readonly number[]): Summary {
  return fromMoments(momentsOf(values));
}

/** Two-sided 95% critical values of Student's t for 1 … 30 degrees of freedom. */
const T_TABLE_95: readonly number[] = [
  12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041, 2.2621572, 2.2281389, 2.2009852, 2.1788128, 2.1603687, 2.1447867,
  2.1314495, 2.1199053, 2.1098156, 2.100922, 2.0930241, 2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986, 2.0595386, 2.0555294, 2.0518305, 2.0484071,
  2.0452296, 2.0422725,
];

/** The 0.975 quantile of the standard normal distribution. */
const Z_975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: exact to 7 decimals
 * from the table up to 30, then the Cornish–Fisher expansion in 1/df (Abramowitz &
 * Stegun 26.7.5), which is within 3·10⁻⁸ of the true value beyond 30 and tends to 1.96.
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`Degrees of freedom must be a whole number ≥ 1, got ${df}`);
  const tabled = T_TABLE_95[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_975;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * From this standard deviation up (on the 1–5 scale) the team disagrees: answers are
 * typically more than a full step from the average, so some see the behaviour often and
 * others rarely.
 */
export const DISAGREEMENT_SD = 1.2;

/** The ends of an answer scale. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/**
 * A 95% interval kept inside the answer scale. The t-interval assumes a bell curve, which
 * answers on a 1–5 scale are not near its ends: with few raters it can reach past 5. No
 * mean can, so the part outside is cut off, and `clamped` says that an end was cut.
 */
export interface ScaleInterval extends Interval {
  readonly clamped: boolean;
}

export function withinScale({ low, high }: Interval, { min, max }: Scale): ScaleInterval {
  return { low: Math.max(min, low), high: Math.min(max, high), clamped: low < min || high > max };
}

/**
 * How precisely a value is known: its standard error and the degrees of freedom of the
 * t-distribution that goes with it. Zero when everyone answered the same.
 */
export interface Precision {
  readonly standardError: number;
  readonly degreesOfFreedom: number;
}

/** The precision of a mean from its sufficient statistics; `null` below n = 2. */
export function precisionOf(moments: Moments): Precision | null {
  const spread = spreadOf(moments);
  return spread === null ? null : { standardError: spread.sd / Math.sqrt(moments.n), degreesOfFreedom: moments.n - 1 };
}

/** How far below a whole number a computed one may fall and still count as that number. */
const WHOLE_TOLERANCE = 1e-9;

/** A difference between two estimates, with its 95% interval. */
export interface Difference {
  readonly value: number;
  readonly ci: Interval;
}

/**
 * `after − before` with Welch's 95% interval, which does not assume both have the same
 * spread. Its degrees of freedom (Welch–Satterthwaite) are rounded down, which widens the
 * interval a little: the cautious side. Two samples of the same team share people, whose
 * answers move together; treating them as independent overstates the noise, again the
 * cautious side. When neither value has any noise, the interval is the difference itself.
 */
export function differenceOf(after: { readonly value: number } & Precision, before: { readonly value: number } & Precision): Difference {
  const value = after.value - before.value;
  const [a, b] = [after.standardError ** 2, before.standardError ** 2];
  if (a + b === 0) return { value, ci: { low: value, high: value } };
  // Welch–Satterthwaite, written with each side's share of the variance so that it cannot
  // overflow or underflow: (a + b)² / (a²/ν₁ + b²/ν₂) = 1 / (wa²/ν₁ + wb²/ν₂).
  const [wa, wb] = [a / (a + b), b / (a + b)];
  const degreesOfFreedom = 1 / (wa ** 2 / after.degreesOfFreedom + wb ** 2 / before.degreesOfFreedom);
  // A whole number of degrees of freedom can come out a hair below itself in doubles
  // (5 as 4.999999999999997); rounding that down would cost a whole degree.
  const halfWidth = tCritical95(Math.max(1, Math.floor(degreesOfFreedom + WHOLE_TOLERANCE))) * Math.sqrt(a + b);
  return { value, ci: { low: value - halfWidth, high: value + halfWidth } };
}
