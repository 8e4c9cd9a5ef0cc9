/**
 * The anonymity gate. Everything a screen, export or API shows about a team or an
 * organisation goes through here. A value below its threshold is absent, with a reason;
 * it is never shown as 0 and never folded into a larger group.
 */
import { ASPECT_KEYS, type AspectKey, NEED_MAX, NEED_MIN, RATING_MAX, RATING_MIN } from "../aspects";
import { type AspectAggregate, EMPTY_RATERS, emptyAspects, hasText, RATER_UNITS, type RaterAggregate, type TeamAggregate } from "./aggregate";
import { balance, isLopsided, meanOfPresent, versatility } from "./profile";
import { addMoments, EMPTY_MOMENTS, type Moments, type Precision, precisionOf, type Scale, type ScaleInterval, spreadOf, withinScale } from "./stats";

export const RATING_SCALE: Scale = { min: RATING_MIN, max: RATING_MAX };
export const NEED_SCALE: Scale = { min: NEED_MIN, max: NEED_MAX };

export const MIN_K = 3;
export const DEFAULT_K = 3;
export const DEFAULT_COMMENT_THRESHOLD = 5;

export interface Thresholds {
  /** Minimum answers (respondents for a team, non-empty answers for a value). */
  readonly k: number;
  /** Minimum comments before any comment is shown; never below `k`. */
  readonly commentThreshold: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { k: DEFAULT_K, commentThreshold: DEFAULT_COMMENT_THRESHOLD };

/**
 * Makes thresholds safe whatever an admin or a caller passed: `k` ≥ 3, the comment
 * threshold ≥ `k`, fractions rounded up (the stricter way), a missing or NaN value
 * replaced by the default. Every suppression function calls this, so a bad setting can
 * only make suppression stricter, never weaker.
 */
export function resolveThresholds(input: Partial<Thresholds> = {}): Thresholds {
  const k = Math.max(MIN_K, wholeOr(input.k, DEFAULT_K));
  const commentThreshold = Math.max(k, wholeOr(input.commentThreshold, DEFAULT_COMMENT_THRESHOLD));
  return { k, commentThreshold };
}

function wholeOr(value: number | undefined, fallback: number): number {
  return value === undefined || Number.isNaN(value) ? fallback : Math.ceil(value);
}

/** Why a value is not shown. The wording for each reason is in the instrument text. */
export type AbsentReason =
  /** The team has fewer than k respondents: nothing about it is shown. */
  | "team_below_threshold"
  /** This value has fewer than k non-empty answers. */
  | "below_threshold"
  /** A balance or versatility whose managing or leading score is not shown. */
  | "pole_hidden"
  /** An overall figure when no aspect has a shown balance. */
  | "no_data"
  /** Fewer comments than the comment threshold. */
  | "below_comment_threshold"
  /** An organisation in which no team meets k on its own. */
  | "no_team_meets_threshold";

/** A hidden value. It carries no number at all, not even its count. */
export interface Absent<R extends AbsentReason = AbsentReason> {
  readonly shown: false;
  readonly reason: R;
  readonly value?: never;
  readonly n?: never;
}

export type Shown<T> = { readonly shown: true } & T;
/** A value that the anonymity rules either let through or replace with a reason. */
export type Gated<T, R extends AbsentReason = AbsentReason> = Shown<T> | Absent<R>;

function absent<R extends AbsentReason>(reason: R): Absent<R> {
  return { shown: false, reason };
}

/**
 * A mean with its spread and its 95% interval, kept inside the scale. Shown only from
 * n ≥ k ≥ 3, so sd and ci always exist.
 */
export interface Statistic extends Precision {
  readonly value: number;
  readonly n: number;
  readonly sd: number;
  readonly ci: ScaleInterval;
}

/**
 * A balance b with how precisely it is known, from the raters who rated both poles;
 * `precision` is `null` when fewer than k did, and then no change in it can be called.
 */
export interface BalanceValue {
  readonly value: number;
  readonly lopsided: boolean;
  readonly precision: Precision | null;
}

export interface AspectReport {
  readonly management: Gated<Statistic>;
  readonly leadership: Gated<Statistic>;
  readonly need: Gated<Statistic>;
  readonly balance: Gated<BalanceValue>;
  readonly versatility: Gated<{ readonly value: number }>;
}

/** An overall figure, with how many aspects it averages and how precisely it is known (as `BalanceValue`). */
export interface OverallValue {
  readonly value: number;
  readonly aspects: number;
  readonly precision: Precision | null;
}

export interface Scores {
  readonly respondents: number;
  readonly aspects: Readonly<Record<AspectKey, AspectReport>>;
  readonly balance: Gated<OverallValue>;
  readonly versatility: Gated<OverallValue>;
}

export type TeamReport = Shown<Scores & { readonly comments: Gated<{ readonly items: readonly string[] }> }> | Absent<"team_below_threshold">;

export type OrgReport = { readonly teamsIncluded: number; readonly teamsLeftOut: number } & (Shown<Scores> | Absent<"no_team_meets_threshold">);

/** A number in [0, 1). Injected so tests can fix the order of comments. */
export type RandomSource = () => number;

/** Unpredictable by default: comment order must not hint at who wrote what, or when. */
export function secureRandom(): number {
  const [word = 0] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return word / 2 ** 32;
}

/** Fisher–Yates shuffle into a new array. */
export function shuffle<T>(items: readonly T[], random: RandomSource = secureRandom): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

function gateStatistic(moments: Moments, k: number, scale: Scale): Gated<Statistic, "below_threshold"> {
  // With k ≥ 3 a series that passes always has a spread; both conditions keep the types honest.
  const spread = moments.n >= k ? spreadOf(moments) : null;
  const precision = precisionOf(moments);
  if (spread === null || precision === null) return absent("below_threshold");
  return { shown: true, value: spread.mean, n: moments.n, sd: spread.sd, ci: withinScale(spread.ci, scale), ...precision };
}

/**
 * A follow-through item ("how often have you seen them practise it?", lib/follow-through):
 * gated like a pole score. Nothing at all when the team is below k, else only from k
 * non-empty answers.
 */
export function gateFollowThrough(
  respondents: number,
  moments: Moments,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS,
): Gated<Statistic, "team_below_threshold" | "below_threshold"> {
  const { k } = resolveThresholds(thresholds);
  if (respondents < k) return absent("team_below_threshold");
  return gateStatistic(moments, k, RATING_SCALE);
}

/** The precision of a series divided by `divisor`, when at least k answers back it. */
function scaledPrecision(moments: Moments, k: number, divisor: number): Precision | null {
  const precision = moments.n >= k ? precisionOf(moments) : null;
  return precision && { standardError: precision.standardError / divisor, degreesOfFreedom: precision.degreesOfFreedom };
}

function reportAspect(aggregate: AspectAggregate, k: number): AspectReport {
  const management = gateStatistic(aggregate.management, k, RATING_SCALE);
  const leadership = gateStatistic(aggregate.leadership, k, RATING_SCALE);
  const need = gateStatistic(aggregate.need, k, NEED_SCALE);
  if (!management.shown || !leadership.shown) {
    return { management, leadership, need, balance: absent("pole_hidden"), versatility: absent("pole_hidden") };
  }
  const m = management.value;
  const l = leadership.value;
  return {
    management,
    leadership,
    need,
    balance: { shown: true, value: balance(m, l), lopsided: isLopsided(m, l), precision: scaledPrecision(aggregate.difference, k, 4) },
    versatility: { shown: true, value: versatility(m, l) },
  };
}

function overall(values: readonly Gated<{ readonly value: number }>[], precision: Precision | null): Gated<OverallValue> {
  const present = values.map((v) => (v.shown ? v.value : null));
  const value = meanOfPresent(present);
  if (value === null) return absent("no_data");
  return { shown: true, value, aspects: present.filter((v) => v !== null).length, precision };
}

function scoresOf(respondents: number, aspects: Readonly<Record<AspectKey, AspectAggregate>>, raters: RaterAggregate, k: number): Scores {
  const reports = Object.fromEntries(ASPECT_KEYS.map((key) => [key, reportAspect(aspects[key], k)])) as Record<AspectKey, AspectReport>;
  const list = ASPECT_KEYS.map((key) => reports[key]);
  return {
    respondents,
    aspects: reports,
    balance: overall(
      list.map((a) => a.balance),
      scaledPrecision(raters.difference, k, 4 * RATER_UNITS),
    ),
    versatility: overall(
      list.map((a) => a.versatility),
      scaledPrecision(raters.total, k, 2 * RATER_UNITS),
    ),
  };
}

/**
 * What may be shown about one manager's team. Below `k` respondents nothing is shown;
 * otherwise each pole and need needs `k` non-empty answers of its own, balance and
 * versatility need both poles, and comments need `commentThreshold` comments and come
 * back shuffled.
 */
export function suppressTeam(aggregate: TeamAggregate, thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS, random: RandomSource = secureRandom): TeamReport {
  const { k, commentThreshold } = resolveThresholds(thresholds);
  if (aggregate.respondents < k) return absent("team_below_threshold");
  const comments = aggregate.comments.filter(hasText);
  return {
    shown: true,
    ...scoresOf(aggregate.respondents, aggregate.aspects, aggregate.raters, k),
    comments: comments.length >= commentThreshold ? { shown: true, items: shuffle(comments, random) } : absent("below_comment_threshold"),
  };
}

/**
 * The series of a group of teams pooled as the organisation line pools them: only teams
 * with at least `k` respondents count, and within them only series with at least `k`
 * answers. Pools are sums, so the pool of a group is the sum of its parts' pools
 * (`addPools`), in any order: every statistic is a whole number, which doubles add exactly.
 */
export interface OrgPool {
  readonly teamsIncluded: number;
  readonly teamsLeftOut: number;
  /** Respondents of the included teams. */
  readonly respondents: number;
  readonly aspects: Readonly<Record<AspectKey, AspectAggregate>>;
  readonly raters: RaterAggregate;
}

export const EMPTY_POOL: OrgPool = { teamsIncluded: 0, teamsLeftOut: 0, respondents: 0, aspects: emptyAspects(), raters: EMPTY_RATERS };

/** A series counts in a pool only when it meets `k` on its own. */
const poolable = (series: Moments, k: number): Moments => (series.n >= k ? series : EMPTY_MOMENTS);

/** One team's part of a pool: its count only when it is below `k`, else its series that meet `k`. */
export function teamPool(team: TeamAggregate, thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS): OrgPool {
  const { k } = resolveThresholds(thresholds);
  if (team.respondents < k) return { ...EMPTY_POOL, teamsLeftOut: 1 };
  const aspects = emptyAspects();
  for (const key of ASPECT_KEYS) {
    const { management, leadership, need, difference } = team.aspects[key];
    aspects[key] = { management: poolable(management, k), leadership: poolable(leadership, k), need: poolable(need, k), difference: poolable(difference, k) };
  }
  return {
    teamsIncluded: 1,
    teamsLeftOut: 0,
    respondents: team.respondents,
    aspects,
    raters: { difference: poolable(team.raters.difference, k), total: poolable(team.raters.total, k) },
  };
}

export function addPools(a: OrgPool, b: OrgPool): OrgPool {
  const aspects = emptyAspects();
  for (const key of ASPECT_KEYS) {
    const [x, y] = [a.aspects[key], b.aspects[key]];
    aspects[key] = {
      management: addMoments(x.management, y.management),
      leadership: addMoments(x.leadership, y.leadership),
      need: addMoments(x.need, y.need),
      difference: addMoments(x.difference, y.difference),
    };
  }
  return {
    teamsIncluded: a.teamsIncluded + b.teamsIncluded,
    teamsLeftOut: a.teamsLeftOut + b.teamsLeftOut,
    respondents: a.respondents + b.respondents,
    aspects,
    raters: { difference: addMoments(a.raters.difference, b.raters.difference), total: addMoments(a.raters.total, b.raters.total) },
  };
}

export function poolTeams(teams: readonly TeamAggregate[], thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS): OrgPool {
  return teams.reduce((pool, team) => addPools(pool, teamPool(team, thresholds)), EMPTY_POOL);
}

/**
 * What may be shown about a pool of teams (`poolTeams`). Pooling only teams and series
 * that meet `k` means that subtracting one shown aggregate from another can never reveal
 * a group smaller than `k`. Comments are never pooled.
 */
export function suppressPool(pool: OrgPool, thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS): OrgReport {
  const { k } = resolveThresholds(thresholds);
  const counts = { teamsIncluded: pool.teamsIncluded, teamsLeftOut: pool.teamsLeftOut };
  if (pool.teamsIncluded === 0) return { ...counts, ...absent("no_team_meets_threshold") };
  return { ...counts, shown: true, ...scoresOf(pool.respondents, pool.aspects, pool.raters, k) };
}

/** What may be shown about a group of teams, e.g. everyone under a director: `suppressPool` of `poolTeams`. */
export function suppressOrg(teams: readonly TeamAggregate[], thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS): OrgReport {
  return suppressPool(poolTeams(teams, thresholds), thresholds);
}
