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
