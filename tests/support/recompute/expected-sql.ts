import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "../raw";

// The expected side of tests/integration/recomputed-numbers.test.ts: every number of the
// demo's reports and teams CSV, computed from the raw tables with SQL of our own. Nothing
// from lib/scoring, lib/format, lib/report or lib/teams is imported here.

// ---------------------------------------------------------------------------------------
// Student's t, typed from a statistics table, not taken from the app.

/** The 0.975 quantile of Student's t (two-sided 95%) for 1 … 60 degrees of freedom, to nine decimals. */
const T_975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.20098516, 2.17881283,
  2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456, 2.039513446, 2.036933343, 2.034515297, 2.032244509, 2.030107928, 2.028094001,
  2.026192463, 2.024394164, 2.02269092, 2.02107539, 2.01954097, 2.018081703, 2.016692199, 2.015367574, 2.014103389, 2.012895599, 2.011740514, 2.010634758,
  2.009575237, 2.008559112, 2.00758377, 2.006646805, 2.005745995, 2.004879288, 2.004044783, 2.003240719, 2.002465459, 2.001717484, 2.000995378, 2.000297822,
];
const Z_975 = 1.959963985;

/**
 * Beyond the table: the normal quantile with the first correction term in 1/df (within
 * 10⁻³ from 61 on). No demo number gets there: teams have at most eight raters.
 */
const tQuantile = (df: number) => T_975[df - 1] ?? Z_975 + (Z_975 ** 3 + Z_975) / (4 * df);

/** The quantiles as a PostgreSQL numeric[] literal, indexed by degrees of freedom. */
const QUANTILES = `{${Array.from({ length: 1000 }, (_, i) => tQuantile(i + 1).toFixed(9)).join(",")}}`;

// ---------------------------------------------------------------------------------------
// The expected numbers, in SQL.

/**
 * Every answer is cast to numeric with 40 decimals before any arithmetic, so each division
 * and square root carries at least 40 decimals: the error is below 10⁻³⁹. A value is then
 * snapped to 30 decimals, which gives back the exact value of every fraction that ends
 * within 30 decimals (an average of thirds that comes to exactly 0.125, say), and only then
 * rounded for display by `round`, half away from zero, as the app rounds. No displayed
 * value here is a fraction whose denominator comes anywhere near 10³⁰, so the snap cannot
 * pull a value that is not a tie onto one.
 */
const EXACT = "numeric(60,40)";
const display = (expression: string, digits: number | string) => `round(round(${expression}, 30), ${digits})::text`;

/** Situation keys by the pole they favour (PRODUCT.md, "Situational target"). */
const LEADING_SITUATIONS = ["period_of_change", "innovation_essential", "competitive_market", "long_term_growth", "customer_relationships"];
const MANAGING_SITUATIONS = ["clear_structure_needed", "large_team", "short_term_targets", "regulated_industry", "efficiency_priority"];
const textArray = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(", ")}]`;

/**
 * The common part of every expected-value query, over all closed cycles and every manager
 * rated in them. Each CTE is one rule of PRODUCT.md "Scores" or of the anonymity rules.
 */
const CTES = `
  -- The closed cycles, oldest first, with their k.
  cc AS (
    SELECT id AS cycle_id, name AS cycle_name, min_raters::int AS k,
      row_number() OVER (ORDER BY closes_on, opens_on, name)::int AS ord
    FROM cycles WHERE state = 'closed'
  ),
  -- A team: everyone invited to rate a manager in a cycle's snapshot; its respondents are
  -- who took part (participation stays, whatever happened to the answers). Shown from k.
  team AS (
    SELECT a.cycle_id, a.manager_id, min(cc.k) AS k, count(*)::int AS invited, count(p.rater_id)::int AS respondents,
      count(p.rater_id) >= min(cc.k) AS shown
    FROM cycle_assignments a
    JOIN cc ON cc.cycle_id = a.cycle_id
    LEFT JOIN participations p ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
    WHERE a.rater_id <> a.manager_id
    GROUP BY a.cycle_id, a.manager_id
  ),
  answer AS (
    SELECT r.cycle_id, r.manager_id, r.id AS response_id, a.aspect::text AS aspect, a.management, a.leadership, a.need
    FROM responses r
    JOIN cc ON cc.cycle_id = r.cycle_id
    JOIN response_answers a ON a.response_id = r.id
  ),
  -- Per aspect, each item's non-empty answers ("can't say" is NULL and counts for
  -- nothing), and L − M of the raters who rated both poles.
  series AS (
    SELECT cycle_id, manager_id, aspect, s.series, count(*)::int AS n, sum(s.x) AS total, avg(s.x) AS mean, var_samp(s.x) AS variance
    FROM answer
    CROSS JOIN LATERAL (VALUES
      ('management', management::${EXACT}), ('leadership', leadership::${EXACT}), ('need', need::${EXACT}),
      ('difference', (leadership - management)::${EXACT})) AS s(series, x)
    WHERE s.x IS NOT NULL
    GROUP BY cycle_id, manager_id, aspect, s.series
  ),
  -- A score is shown from k answers in a team shown; its 95% Student-t interval is
  -- mean ± t(0.975, n − 1)·SD/√n, cut to the scale.
  stat AS (
    SELECT s.*, t.k, t.shown AND s.n >= t.k AS shown, s.variance / s.n AS se2, s.n - 1 AS df,
      q.t * sqrt(s.variance / s.n) AS half,
      CASE WHEN s.series = 'need' THEN -2 ELSE 1 END AS scale_min,
      CASE WHEN s.series = 'need' THEN 2 ELSE 5 END AS scale_max
    FROM series s
    JOIN team t ON t.cycle_id = s.cycle_id AND t.manager_id = s.manager_id
    LEFT JOIN quantile q ON q.df = s.n - 1
  ),
  -- b = (L − M)/4 and versatility (M + L)/2 when both poles are shown; b's standard error
  -- from the raters who rated both poles, SD(L − M)/(4·√n), when at least k did.
  aspect AS (
    SELECT m.cycle_id, m.manager_id, m.aspect, m.k, m.shown AND l.shown AS shown,
      (l.mean - m.mean) / 4 AS b, (l.mean + m.mean) / 2 AS v,
      round(abs(l.mean - m.mean), 30) >= 1 AS lopsided, least(m.n, l.n) AS n,
      CASE WHEN d.n >= m.k THEN d.variance / (16 * d.n) END AS b_se2, d.n - 1 AS b_df
    FROM stat m
    JOIN stat l ON l.cycle_id = m.cycle_id AND l.manager_id = m.manager_id AND l.aspect = m.aspect AND l.series = 'leadership'
    LEFT JOIN stat d ON d.cycle_id = m.cycle_id AND d.manager_id = m.manager_id AND d.aspect = m.aspect AND d.series = 'difference'
    WHERE m.series = 'management'
  ),
  -- Each rater's own B and versatility, over the aspects they rated both poles of.
  rater AS (
    SELECT cycle_id, manager_id, response_id,
      avg((leadership - management)::${EXACT}) / 4 AS b, avg((leadership + management)::${EXACT}) / 2 AS v
    FROM answer WHERE management IS NOT NULL AND leadership IS NOT NULL
    GROUP BY cycle_id, manager_id, response_id
  ),
  raters AS (
    SELECT cycle_id, manager_id, count(*)::int AS n, var_samp(b) / count(*) AS b_se2, var_samp(v) / count(*) AS v_se2
    FROM rater GROUP BY cycle_id, manager_id
  ),
  -- B and versatility: the mean over the aspects whose b is shown.
  overall AS (
    SELECT t.cycle_id, t.manager_id, t.k, t.shown AND count(a.b) > 0 AS shown, avg(a.b) AS b, avg(a.v) AS v
    FROM team t
    LEFT JOIN aspect a ON a.cycle_id = t.cycle_id AND a.manager_id = t.manager_id AND a.shown
    GROUP BY t.cycle_id, t.manager_id, t.k, t.shown
  ),
  -- Everything a change is computed for: a value, its squared standard error (NULL when
  -- too few raters back it) and its degrees of freedom.
  estimate AS (
    SELECT cycle_id, manager_id, series AS what, aspect, shown, mean AS value, se2, df FROM stat WHERE series IN ('management', 'leadership')
    UNION ALL
    SELECT cycle_id, manager_id, 'balance', aspect, shown, b, b_se2, b_df FROM aspect
    UNION ALL
    SELECT o.cycle_id, o.manager_id, 'B', '', o.shown, o.b, CASE WHEN r.n >= o.k THEN r.b_se2 END, r.n - 1
    FROM overall o LEFT JOIN raters r ON r.cycle_id = o.cycle_id AND r.manager_id = o.manager_id
    UNION ALL
    SELECT o.cycle_id, o.manager_id, 'V', '', o.shown, o.v, CASE WHEN r.n >= o.k THEN r.v_se2 END, r.n - 1
    FROM overall o LEFT JOIN raters r ON r.cycle_id = o.cycle_id AND r.manager_id = o.manager_id
  ),
  -- Every change between two closed cycles in which both values are shown, with Welch's
  -- interval: se² summed, Welch–Satterthwaite degrees of freedom rounded down.
  change AS (
    SELECT cur.manager_id, cur.cycle_id, prev.cycle_id AS since_id, cur.what, cur.aspect,
      cur.value - prev.value AS diff, cur.se2 + prev.se2 AS var,
      CASE WHEN cur.se2 + prev.se2 > 0 THEN
        (cur.se2 + prev.se2) * (cur.se2 + prev.se2) / (cur.se2 * cur.se2 / cur.df + prev.se2 * prev.se2 / prev.df) END AS df
    FROM estimate cur
    JOIN estimate prev ON prev.manager_id = cur.manager_id AND prev.what = cur.what AND prev.aspect = cur.aspect AND prev.cycle_id <> cur.cycle_id
    WHERE cur.shown AND prev.shown
  ),
  -- The team's current situations: its latest save.
  situation AS (
    SELECT DISTINCT ON (manager_id) manager_id, situations FROM team_situations ORDER BY manager_id, changed_at DESC, id DESC
  ),
  -- T = (#leading − #managing)/(#leading + #managing) over the marked situations; 0 with none.
  target AS (
    SELECT s.manager_id, cardinality(s.situations) AS marked,
      coalesce((
        SELECT (count(*) FILTER (WHERE situation_key = ANY(${textArray(LEADING_SITUATIONS)}))
          - count(*) FILTER (WHERE situation_key = ANY(${textArray(MANAGING_SITUATIONS)})))::${EXACT}
          / nullif(count(*) FILTER (WHERE situation_key = ANY(${textArray([...LEADING_SITUATIONS, ...MANAGING_SITUATIONS])})), 0)
        FROM (SELECT DISTINCT unnest(s.situations)::text AS situation_key) marked), 0) AS t
    FROM situation s
  ),
  -- Everyone below a person in a cycle's snapshot (rater → manager rows, followed down).
  below(viewer_id, cycle_id, person_id) AS (
    SELECT a.manager_id, a.cycle_id, a.rater_id
    FROM cycle_assignments a JOIN cc ON cc.cycle_id = a.cycle_id
    WHERE a.rater_id <> a.manager_id
    UNION
    SELECT b.viewer_id, b.cycle_id, a.rater_id
    FROM below b JOIN cycle_assignments a ON a.cycle_id = b.cycle_id AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id
  ),
  -- The teams below a viewer: the people below them who are rated themselves.
  member AS (
    SELECT b.viewer_id, t.* FROM below b JOIN team t ON t.cycle_id = b.cycle_id AND t.manager_id = b.person_id
  ),
  -- The organisation line pools the teams that meet k, and in them the series that do.
  org_series AS (
    SELECT m.viewer_id, m.cycle_id, m.k, s.aspect, s.series, sum(s.n)::int AS n, sum(s.total) AS total
    FROM member m JOIN series s ON s.cycle_id = m.cycle_id AND s.manager_id = m.manager_id
    WHERE m.shown AND s.n >= m.k
    GROUP BY m.viewer_id, m.cycle_id, m.k, s.aspect, s.series
  ),
  org_aspect AS (
    SELECT ms.viewer_id, ms.cycle_id, ms.aspect, least(ms.n, ls.n) AS n,
      (ls.total / ls.n - ms.total / ms.n) / 4 AS b, (ls.total / ls.n + ms.total / ms.n) / 2 AS v,
      round(abs(ls.total / ls.n - ms.total / ms.n), 30) >= 1 AS lopsided
    FROM org_series ms
    JOIN org_series ls ON ls.viewer_id = ms.viewer_id AND ls.cycle_id = ms.cycle_id AND ls.aspect = ms.aspect AND ls.series = 'leadership'
    WHERE ms.series = 'management' AND ms.n >= ms.k AND ls.n >= ls.k
  )`;

/** Every expected-value query: the quantiles and the CTEs, then one SELECT over them. */
const withCtes = (select: string) =>
  sql`WITH RECURSIVE quantile(df, t) AS (SELECT ord::int, t FROM unnest(${QUANTILES}::numeric[]) WITH ORDINALITY AS q(t, ord)), ${sql.raw(CTES)} ${sql.raw(select)}`;

export interface TeamRow {
  cycleId: string;
  cycleName: string;
  ord: number;
  managerId: string;
  manager: string;
  k: number;
  invited: number;
  respondents: number;
  shown: boolean;
  /** Response rate, "86%". */
  rate: string;
  /** B and versatility for display, null when hidden. */
  balance: string | null;
  versatility: string | null;
  /** How many situations the latest save marked, T and B − T. */
  marked: number;
  target: string;
  fitGap: string | null;
}

export interface StatRow {
  cycleId: string;
  managerId: string;
  aspect: string;
  series: "management" | "leadership" | "need";
  n: number;
  shown: boolean;
  mean: string;
  sd: string;
  low: string;
  high: string;
  cut: boolean;
  same: boolean;
  /** Self rating minus the team's mean, and whether that is a blind spot or a hidden strength. */
  gap: string | null;
  blindSpot: boolean | null;
  hiddenStrength: boolean | null;
}

interface AspectRow {
  cycleId: string;
  managerId: string;
  aspect: string;
  shown: boolean;
  b: string;
  n: number;
  lopsided: boolean;
}

export interface ChangeRow {
  managerId: string;
  cycleId: string;
  sinceId: string;
  what: "management" | "leadership" | "balance" | "B" | "V";
  aspect: string;
  value: string;
  rising: boolean;
  hasInterval: boolean;
  low: string | null;
  high: string | null;
  clear: boolean | null;
}

interface SelfRow {
  cycleId: string;
  managerId: string;
  aspect: string;
  management: number | null;
  leadership: number | null;
  b: string | null;
}

interface MemberRow {
  viewerId: string;
  cycleId: string;
  managerId: string;
  parent: string;
}

interface OrgAspectRow {
  viewerId: string;
  cycleId: string;
  aspect: string;
  n: number;
  b: string;
  lopsided: boolean;
}

interface OrgRow {
  viewerId: string;
  cycleId: string;
  included: number;
  leftOut: number;
  respondents: number;
  invited: number;
  /** Null when no team is included. */
  rate: string | null;
  balance: string | null;
  versatility: string | null;
}

/** A manager's commitments frozen in a closed cycle, and their follow-through as the teams page shows it. */
export interface CommitmentRow {
  cycleId: string;
  managerId: string;
  count: number;
  /** The commitments whose item has k answers, in a team shown. */
  covered: number;
  /** The mean of those items' means, for display; null when none is shown. */
  seen: string | null;
  /** The smallest n among them; null when none is shown. */
  n: number | null;
}

/** One commitment frozen in a closed cycle and its follow-through, as the manager's report shows it. */
export interface FollowThroughRow {
  cycleId: string;
  managerId: string;
  position: number;
  sinceId: string;
  sinceName: string;
  aspect: string;
  direction: "more_managing" | "more_leading" | "build_both";
  k: number;
  teamShown: boolean;
  n: number;
  shown: boolean;
  mean: string | null;
  sd: string | null;
  low: string | null;
  high: string | null;
  cut: boolean | null;
  same: boolean | null;
}

export const key = (...parts: (string | number)[]) => parts.join("|");
const byKey = <Row>(rows: Row[], keyOf: (row: Row) => string) => new Map(rows.map((row) => [keyOf(row), row]));

export async function expectedNumbers(db: Database) {
  const query = <Row>(select: string) => selectUncheckedRows<Row>(db, withCtes(select));
  const teams = await query<TeamRow>(`
    SELECT t.cycle_id AS "cycleId", cc.cycle_name AS "cycleName", cc.ord, t.manager_id AS "managerId", p.name AS manager,
      t.k, t.invited, t.respondents, t.shown, ${display(`100 * t.respondents::${EXACT} / t.invited`, 0)} || '%' AS rate,
      CASE WHEN o.shown THEN ${display("o.b", 2)} END AS balance, CASE WHEN o.shown THEN ${display("o.v", 1)} END AS versatility,
      coalesce(tg.marked, 0)::int AS marked, ${display("coalesce(tg.t, 0)", 2)} AS target,
      CASE WHEN o.shown THEN ${display("o.b - coalesce(tg.t, 0)", 2)} END AS "fitGap"
    FROM team t
    JOIN cc ON cc.cycle_id = t.cycle_id
    JOIN people p ON p.id = t.manager_id
    JOIN overall o ON o.cycle_id = t.cycle_id AND o.manager_id = t.manager_id
    LEFT JOIN target tg ON tg.manager_id = t.manager_id
    ORDER BY cc.ord`);
  const stats = await query<StatRow>(`
    SELECT s.cycle_id AS "cycleId", s.manager_id AS "managerId", s.aspect, s.series, s.n, s.shown,
      ${display("s.mean", 1)} AS mean, ${display("sqrt(s.variance)", 1)} AS sd,
      ${display("greatest(s.mean - s.half, s.scale_min)", 1)} AS low, ${display("least(s.mean + s.half, s.scale_max)", 1)} AS high,
      (s.mean - s.half < s.scale_min OR s.mean + s.half > s.scale_max) AS cut, s.variance = 0 AS same,
      ${display("own.x - s.mean", 1)} AS gap, round(own.x - s.mean, 30) >= 1 AS "blindSpot", round(own.x - s.mean, 30) <= -1 AS "hiddenStrength"
    FROM stat s
    LEFT JOIN self_assessment_answers sa ON sa.cycle_id = s.cycle_id AND sa.manager_id = s.manager_id AND sa.aspect::text = s.aspect
    CROSS JOIN LATERAL (SELECT CASE s.series WHEN 'management' THEN sa.management WHEN 'leadership' THEN sa.leadership END AS x) own
    WHERE s.series <> 'difference'`);
  const aspects = await query<AspectRow>(`
    SELECT cycle_id AS "cycleId", manager_id AS "managerId", aspect, shown, ${display("b", 2)} AS b, n, lopsided FROM aspect`);
  const changes = await query<ChangeRow>(`
    SELECT c.manager_id AS "managerId", c.cycle_id AS "cycleId", c.since_id AS "sinceId", c.what, c.aspect,
      ${display("c.diff", "d.digits")} AS value, c.diff > 0 AS rising, c.var IS NOT NULL AS "hasInterval",
      ${display("c.diff - h.half", "d.digits")} AS low, ${display("c.diff + h.half", "d.digits")} AS high,
      -- Clear when the interval leaves out 0 as the reader sees it, rounded: "−0.4 to 0.0" is not clear.
      (round(round(c.diff - h.half, 30), d.digits) > 0 OR round(round(c.diff + h.half, 30), d.digits) < 0) AS clear
    FROM change c
    CROSS JOIN LATERAL (SELECT CASE WHEN c.what IN ('balance', 'B') THEN 2 ELSE 1 END AS digits) d
    LEFT JOIN quantile q ON q.df = greatest(1, floor(round(c.df, 30)))
    CROSS JOIN LATERAL (SELECT CASE WHEN c.var = 0 THEN 0 ELSE q.t * sqrt(c.var) END AS half) h`);
  const selves = await query<SelfRow>(`
    SELECT sa.cycle_id AS "cycleId", sa.manager_id AS "managerId", sa.aspect::text AS aspect, sa.management, sa.leadership,
      ${display(`(sa.leadership - sa.management)::${EXACT} / 4`, 2)} AS b
    FROM self_assessment_answers sa JOIN cc ON cc.cycle_id = sa.cycle_id`);
  // How many of a cycle's respondents also answered another cycle, for the same manager.
  const returning = await query<{ managerId: string; cycleId: string; sinceId: string; count: number }>(`
    SELECT p.manager_id AS "managerId", p.cycle_id AS "cycleId", q.cycle_id AS "sinceId", count(*)::int AS count
    FROM participations p
    JOIN participations q ON q.manager_id = p.manager_id AND q.rater_id = p.rater_id AND q.cycle_id <> p.cycle_id
    GROUP BY p.manager_id, p.cycle_id, q.cycle_id`);
  const members = await query<MemberRow>(`
    SELECT m.viewer_id AS "viewerId", m.cycle_id AS "cycleId", m.manager_id AS "managerId", p.name AS parent
    FROM member m
    JOIN cycle_assignments a ON a.cycle_id = m.cycle_id AND a.rater_id = m.manager_id AND a.manager_id <> a.rater_id
    JOIN people p ON p.id = a.manager_id`);
  const orgAspects = await query<OrgAspectRow>(`
    SELECT viewer_id AS "viewerId", cycle_id AS "cycleId", aspect, n, ${display("b", 2)} AS b, lopsided FROM org_aspect`);
  const orgs = await query<OrgRow>(`
    SELECT m.viewer_id AS "viewerId", m.cycle_id AS "cycleId",
      count(*) FILTER (WHERE m.shown)::int AS included, count(*) FILTER (WHERE NOT m.shown)::int AS "leftOut",
      coalesce(sum(m.respondents) FILTER (WHERE m.shown), 0)::int AS respondents, coalesce(sum(m.invited) FILTER (WHERE m.shown), 0)::int AS invited,
      ${display(`100 * sum(m.respondents) FILTER (WHERE m.shown)::${EXACT} / nullif(sum(m.invited) FILTER (WHERE m.shown), 0)`, 0)} || '%' AS rate,
      (SELECT ${display("avg(oa.b)", 2)} FROM org_aspect oa WHERE oa.viewer_id = m.viewer_id AND oa.cycle_id = m.cycle_id) AS balance,
      (SELECT ${display("avg(oa.v)", 1)} FROM org_aspect oa WHERE oa.viewer_id = m.viewer_id AND oa.cycle_id = m.cycle_id) AS versatility
    FROM member m GROUP BY m.viewer_id, m.cycle_id`);
  // Each commitment frozen in a closed cycle with its follow-through answers ("can't say" is NULL);
  // shown from k answers in a team shown, the shown ones averaged.
  const commitmentRows = await query<CommitmentRow>(`
    SELECT i.cycle_id AS "cycleId", i.manager_id AS "managerId", count(*)::int AS count,
      (count(*) FILTER (WHERE t.shown AND i.n >= t.k))::int AS covered,
      ${display("avg(i.mean) FILTER (WHERE t.shown AND i.n >= t.k)", 1)} AS seen,
      (min(i.n) FILTER (WHERE t.shown AND i.n >= t.k))::int AS n
    FROM (
      SELECT c.frozen_in_cycle_id AS cycle_id, c.manager_id, c.id, count(f.rating)::int AS n, avg(f.rating::${EXACT}) AS mean
      FROM commitments c
      JOIN cc ON cc.cycle_id = c.frozen_in_cycle_id
      LEFT JOIN follow_through_answers f ON f.commitment_id = c.id AND f.cycle_id = c.frozen_in_cycle_id
      GROUP BY c.frozen_in_cycle_id, c.manager_id, c.id
    ) i
    JOIN team t ON t.cycle_id = i.cycle_id AND t.manager_id = i.manager_id
    GROUP BY i.cycle_id, i.manager_id`);

  // Each commitment a closed cycle's opening froze, if that cycle's survey asked about it
  // (sealed in format 2), with its answers: shown like a pole score, from k in a team shown.
  const followThrough = await query<FollowThroughRow>(`
    SELECT i."cycleId", i."managerId", i.position, i."sinceId", i."sinceName", i.aspect, i.direction, t.k, t.shown AS "teamShown", i.n,
      t.shown AND i.n >= t.k AS shown, ${display("i.mean", 1)} AS mean, ${display("sqrt(i.variance)", 1)} AS sd,
      ${display("greatest(i.mean - h.half, 1)", 1)} AS low, ${display("least(i.mean + h.half, 5)", 1)} AS high,
      (i.mean - h.half < 1 OR i.mean + h.half > 5) AS cut, i.variance = 0 AS same
    FROM (
      SELECT c.frozen_in_cycle_id AS "cycleId", c.manager_id AS "managerId", c.position::int AS position, c.cycle_id AS "sinceId",
        since.name AS "sinceName", c.aspect::text AS aspect, c.direction::text AS direction,
        count(f.rating)::int AS n, avg(f.rating::${EXACT}) AS mean, var_samp(f.rating::${EXACT}) AS variance
      FROM commitments c
      JOIN cc ON cc.cycle_id = c.frozen_in_cycle_id
      JOIN cycles frozen ON frozen.id = c.frozen_in_cycle_id AND frozen.sealed_format = 2
      JOIN cycles since ON since.id = c.cycle_id
      LEFT JOIN follow_through_answers f ON f.commitment_id = c.id AND f.cycle_id = c.frozen_in_cycle_id
      GROUP BY c.id, since.name
    ) i
    JOIN team t ON t.cycle_id = i."cycleId" AND t.manager_id = i."managerId"
    LEFT JOIN quantile q ON q.df = i.n - 1
    CROSS JOIN LATERAL (SELECT q.t * sqrt(i.variance / i.n) AS half) h
    ORDER BY i.position`);

  return {
    teams,
    followThrough,
    team: byKey(teams, (row) => key(row.cycleId, row.managerId)),
    stat: byKey(stats, (row) => key(row.cycleId, row.managerId, row.aspect, row.series)),
    aspect: byKey(aspects, (row) => key(row.cycleId, row.managerId, row.aspect)),
    change: byKey(changes, (row) => key(row.managerId, row.cycleId, row.sinceId, row.what, row.aspect)),
    self: byKey(selves, (row) => key(row.cycleId, row.managerId, row.aspect)),
    returning: new Map(returning.map((row) => [key(row.managerId, row.cycleId, row.sinceId), row.count])),
    members,
    orgAspect: byKey(orgAspects, (row) => key(row.viewerId, row.cycleId, row.aspect)),
    org: byKey(orgs, (row) => key(row.viewerId, row.cycleId)),
    commitment: byKey(commitmentRows, (row) => key(row.cycleId, row.managerId)),
  };
}
export type Expected = Awaited<ReturnType<typeof expectedNumbers>>;
