import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BalanceStrip } from "@/app/(app)/report/_components/balance-strip";
import { ProfileRadar } from "@/app/(app)/report/_components/profile-radar";
import { SelfVsTeam } from "@/app/(app)/report/_components/self-vs-team";
import { TrendSection } from "@/app/(app)/report/_components/trend-section";
import { ASPECT_KEYS, POLES } from "@/lib/aspects";
import { en } from "@/lib/instrument";
import { DEFAULT_VIEW } from "@/lib/teams/view";
import { type ClosedReport, loadReport } from "@/server/dal/report";
import { exportTeams } from "@/server/dal/teams";
import { loadViewer } from "@/server/internal/viewer";
import { DIRECTORS, VP } from "@/server/internal/seed/demo-org";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase } from "../support/demo";
import { selectUncheckedRows } from "../support/raw";

/**
 * Issue 18, "Honest numbers": every number of the demo's reports and of the teams CSV,
 * recomputed from the raw tables with SQL of our own and compared at display precision.
 *
 * Nothing from lib/scoring, lib/format, lib/report or lib/teams computes an expected value
 * here. The app's side comes from what a reader sees: the report's components rendered to
 * markup, and the CSV export parsed back. The expected side comes from `responses`,
 * `response_answers`, `participations`, `cycle_assignments`, `cycles`, `team_situations`,
 * `self_assessment_answers` and `people`, with the arithmetic in PostgreSQL `numeric`.
 */

let database: TestDatabase;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids });
}, 120_000);
afterAll(() => database.dispose());

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

const query = async <Row>(select: string): Promise<Row[]> =>
  selectUncheckedRows<Row>(
    database.db,
    sql`WITH RECURSIVE quantile(df, t) AS (SELECT ord::int, t FROM unnest(${QUANTILES}::numeric[]) WITH ORDINALITY AS q(t, ord)), ${sql.raw(CTES)} ${sql.raw(select)}`,
  );

interface TeamRow {
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

interface StatRow {
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

interface ChangeRow {
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

const key = (...parts: (string | number)[]) => parts.join("|");
const byKey = <Row>(rows: Row[], keyOf: (row: Row) => string) => new Map(rows.map((row) => [keyOf(row), row]));

async function expectedNumbers() {
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

  return {
    teams,
    team: byKey(teams, (row) => key(row.cycleId, row.managerId)),
    stat: byKey(stats, (row) => key(row.cycleId, row.managerId, row.aspect, row.series)),
    aspect: byKey(aspects, (row) => key(row.cycleId, row.managerId, row.aspect)),
    change: byKey(changes, (row) => key(row.managerId, row.cycleId, row.sinceId, row.what, row.aspect)),
    self: byKey(selves, (row) => key(row.cycleId, row.managerId, row.aspect)),
    returning: new Map(returning.map((row) => [key(row.managerId, row.cycleId, row.sinceId), row.count])),
    members,
    orgAspect: byKey(orgAspects, (row) => key(row.viewerId, row.cycleId, row.aspect)),
    org: byKey(orgs, (row) => key(row.viewerId, row.cycleId)),
  };
}
type Expected = Awaited<ReturnType<typeof expectedNumbers>>;

// ---------------------------------------------------------------------------------------
// Display strings, from PostgreSQL's rounded text.

const MINUS = "\u2212";
/** "-0.5" as the report writes it: a typographic minus. */
const typographic = (value: string) => (value.startsWith("-") ? `${MINUS}${value.slice(1)}` : value);
/** A signed value as the report writes it: "+0.25", "−0.50", "0.00". */
const signed = (value: string) => (value.startsWith("-") ? typographic(value) : Number(value) > 0 ? `+${value}` : value);

const fewerAnswers = (k: number) => `Not shown: fewer than ${k} answers.`;
const fewerPeople = (k: number) => `Not shown: fewer than ${k} people answered.`;
const NO_ASPECT = "Not shown: no aspect has enough answers yet.";

function intervalText(stat: StatRow): string {
  if (stat.same) return "everyone answered the same";
  const range = `${typographic(stat.low)}\u2013${typographic(stat.high)}`;
  return stat.cut ? `${range}, cut at the end of the scale` : range;
}

/** "4.3 (n 6, SD 0.8, 3.8–4.8)"; a need is signed. */
const statisticText = (stat: StatRow, withSign = false) =>
  `${withSign ? signed(stat.mean) : typographic(stat.mean)} (n ${stat.n}, SD ${stat.sd}, ${intervalText(stat)})`;

/** "clear rise", "clear fall" or "no clear change". */
const verdictWords = (change: ChangeRow) => (change.clear ? (change.rising ? "clear rise" : "clear fall") : "no clear change");

const changeInterval = (change: ChangeRow) => `${signed(change.low!)} to ${signed(change.high!)}`;

/** In a sentence: "+0.6, a clear rise (95% interval +0.1 to +1.0)", or why there is no interval. */
function changeText(change: ChangeRow): string {
  const value = `${signed(change.value)}, ${change.clear ? `a ${verdictWords(change)}` : verdictWords(change)}`;
  if (!change.hasInterval) return `${value} (too few people rated both sides to tell)`;
  return `${value} (95% interval ${changeInterval(change)})`;
}

/** In the table of changes per aspect, whose caption explains the brackets: "+0.6 (+0.1 to +1.0), clear rise", "−0.2 (−0.7 to +0.3)". */
function changeCellText(change: ChangeRow | undefined): string {
  if (!change) return "hidden in one of the two cycles";
  if (!change.hasInterval) return `${signed(change.value)} (too few rated both sides)`;
  const text = `${signed(change.value)} (${changeInterval(change)})`;
  return change.clear ? `${text}, ${verdictWords(change)}` : text;
}

// ---------------------------------------------------------------------------------------
// The app's side: markup to cells.

const ENTITIES: Record<string, string> = { "&amp;": "&", "&#x27;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">" };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&[#\w]+;/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();

const render = (component: FunctionComponent<{ report: ClosedReport }>, report: ClosedReport) => renderToStaticMarkup(createElement(component, { report }));

/** Every table in some markup, as rows of cell texts, header row first. */
const tablesIn = (html: string): string[][][] =>
  [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) =>
    [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell!))),
  );

const paragraphsIn = (html: string) => [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(([, paragraph]) => text(paragraph!));

// ---------------------------------------------------------------------------------------
// Comparing, and counting what was compared.

class Comparison {
  readonly mismatches: string[] = [];
  numbers = 0;
  constructor(private readonly cycleNames: readonly string[]) {}

  /** How many numbers a display string holds: the cycle names and fixed wording left out. */
  private count(expected: string): number {
    let rest = expected.replace(/95% interval/g, "").replace(/fewer than \d+/g, "");
    for (const name of this.cycleNames) rest = rest.replaceAll(name, "");
    return rest.match(/\d+(?:\.\d+)?/g)?.length ?? 0;
  }

  same(where: string, actual: string | undefined, expected: string): void {
    this.numbers += this.count(expected);
    if (actual !== expected) this.mismatches.push(`${where}: the app shows ${JSON.stringify(actual ?? null)}, recomputed ${JSON.stringify(expected)}`);
  }

  /** A table cell by cell: its header row, then each expected row against the row in its place. */
  table(where: string, actual: string[][] | undefined, expected: string[][]): void {
    if (!actual) {
      this.mismatches.push(`${where}: no table`);
      return;
    }
    if (actual.length !== expected.length) this.mismatches.push(`${where}: ${actual.length} rows, recomputed ${expected.length}`);
    expected.forEach((row, r) => {
      const label = `${where}, row ${JSON.stringify(row[0])}`;
      const got = actual[r] ?? [];
      if (got.length !== row.length) this.mismatches.push(`${label}: cells ${JSON.stringify(got)}, recomputed ${JSON.stringify(row)}`);
      else row.forEach((cell, c) => this.same(`${label}, column ${JSON.stringify(expected[0]![c] ?? c)}`, got[c], cell));
    });
  }
}

// ---------------------------------------------------------------------------------------
// The expected tables of one report.

const aspectName = (aspect: string) => en.aspects[aspect as (typeof ASPECT_KEYS)[number]].name;

/** One manager in one closed cycle, and the cycles before it in their report. */
interface ReportCase {
  team: TeamRow;
  /** The closed cycles the trend shows, oldest first, this one last. */
  trend: TeamRow[];
  expected: Expected;
}

function selfOf({ team, expected }: ReportCase) {
  const rows = ASPECT_KEYS.map((aspect) => expected.self.get(key(team.cycleId, team.managerId, aspect)));
  return rows.some((row) => row !== undefined) ? rows : null;
}

function selfVsTeamTable(report: ReportCase): string[][] | null {
  const { team, expected } = report;
  const self = selfOf(report);
  if (!team.shown && !self) return null;
  const header = ["Aspect", "Side", ...(team.shown ? ["Team", "n", "SD", "95% interval"] : []), ...(self ? ["Self"] : [])];
  if (team.shown && self) header.push("Self − team", "Reading");
  const rows = ASPECT_KEYS.flatMap((aspect, a) =>
    POLES.map((pole, p) => {
      const stat = expected.stat.get(key(team.cycleId, team.managerId, aspect, pole));
      const own = self?.[a]?.[pole] ?? null;
      const cells = p === 0 ? [aspectName(aspect)] : [];
      cells.push(en.poles[pole].name);
      if (team.shown) cells.push(...(stat?.shown ? [typographic(stat.mean), String(stat.n), stat.sd, intervalText(stat)] : [fewerAnswers(team.k)]));
      if (self) cells.push(own === null ? "can't say" : String(own));
      if (team.shown && self) {
        const compared = stat?.shown && own !== null;
        cells.push(compared ? signed(stat.gap!) : "—", compared ? (stat.blindSpot ? "Blind spot" : stat.hiddenStrength ? "Hidden strength" : "") : "");
      }
      return cells;
    }),
  );
  return [header, ...rows];
}

function radarTable(report: ReportCase): string[][] {
  const { team, expected } = report;
  const self = selfOf(report);
  const header = ["Aspect", ...POLES.map((pole) => `${en.poles[pole].name} (n, SD, 95% interval)`), ...(self ? ["Self: managing", "Self: leading"] : [])];
  const rows = ASPECT_KEYS.map((aspect, a) => [
    aspectName(aspect),
    ...POLES.map((pole) => {
      const stat = expected.stat.get(key(team.cycleId, team.managerId, aspect, pole));
      return stat?.shown ? statisticText(stat) : fewerAnswers(team.k);
    }),
    ...(self ? POLES.map((pole) => String(self[a]?.[pole] ?? "can't say")) : []),
  ]);
  return [header, ...rows];
}

function balanceTable(report: ReportCase): string[][] {
  const { team, expected } = report;
  const self = selfOf(report);
  const withTarget = team.marked > 0;
  const header = ["Aspect", "Balance b", "Self-view b", "Team need (−2 … +2)", "n", "SD", "95% interval", ...(withTarget ? ["Target T"] : [])];
  const rows = ASPECT_KEYS.map((aspect, a) => {
    const balance = expected.aspect.get(key(team.cycleId, team.managerId, aspect));
    const need = expected.stat.get(key(team.cycleId, team.managerId, aspect, "need"));
    // A hidden b names each hidden pole and why.
    const reason = POLES.filter((pole) => !expected.stat.get(key(team.cycleId, team.managerId, aspect, pole))?.shown)
      .map((pole) => `${en.poles[pole].name}: ${fewerAnswers(team.k)}`)
      .join("");
    const selfB = self?.[a]?.b ?? null;
    return [
      aspectName(aspect),
      balance?.shown ? signed(balance.b) : reason,
      selfB === null ? "not rated" : signed(selfB),
      ...(need?.shown ? [signed(need.mean), String(need.n), need.sd, intervalText(need)] : [fewerAnswers(team.k)]),
      ...(withTarget ? [signed(team.target)] : []),
    ];
  });
  return [header, ...rows];
}

function trendTable({ team, trend }: ReportCase): string[][] {
  const rows = trend.map((cycle) =>
    cycle.shown
      ? [
          cycle.cycleName,
          cycle.balance === null ? NO_ASPECT : signed(cycle.balance),
          cycle.versatility === null ? NO_ASPECT : cycle.versatility,
          `${cycle.respondents} of ${cycle.invited}`,
        ]
      : [cycle.cycleName, fewerPeople(team.k)],
  );
  return [["Cycle", "Overall balance B", "Versatility", "Answered"], ...rows];
}

function changeTable({ team, trend, expected }: ReportCase): string[][] {
  const previous = trend.at(-2)!;
  const change = (what: ChangeRow["what"], aspect: string) =>
    changeCellText(expected.change.get(key(team.managerId, team.cycleId, previous.cycleId, what, aspect)));
  return [
    ["Aspect", "Managing M", "Leading L", "Balance b"],
    ...ASPECT_KEYS.map((aspect) => [aspectName(aspect), change("management", aspect), change("leadership", aspect), change("balance", aspect)]),
  ];
}

/** "Since Q1: overall balance B +0.12, no clear change (…); versatility …." */
function latestChangeSentence({ team, trend, expected }: ReportCase): string {
  const previous = trend.at(-2)!;
  const overall = (what: "B" | "V") => {
    const change = expected.change.get(key(team.managerId, team.cycleId, previous.cycleId, what, ""));
    return change ? changeText(change) : "not shown in one of the two cycles";
  };
  return `Since ${previous.cycleName}: overall balance B ${overall("B")}; versatility ${overall("V")}.`;
}

/** Fewer than half of this cycle's respondents answered the previous one too; null unless both teams met k. */
function respondentsChanged({ team, trend, expected }: ReportCase): boolean | null {
  const previous = trend.at(-2);
  if (!previous || !previous.shown || !team.shown) return null;
  const returning = expected.returning.get(key(team.managerId, team.cycleId, previous.cycleId)) ?? 0;
  return 2 * returning < team.respondents;
}

function compareReport(compare: Comparison, where: string, report: ClosedReport, expected: ReportCase): void {
  const { team, trend } = expected;
  const selfVsTeam = selfVsTeamTable(expected);
  const selfTables = tablesIn(render(SelfVsTeam, report));
  if (selfVsTeam) compare.table(`${where}, self vs team`, selfTables[0], selfVsTeam);
  else compare.same(`${where}, self vs team tables`, String(selfTables.length), "0");

  const radar = render(ProfileRadar, report);
  const strip = render(BalanceStrip, report);
  const trendHtml = render(TrendSection, report);
  if (!team.shown) {
    // A team below k shows no score at all.
    for (const [name, html] of [
      ["radar", radar],
      ["balance strip", strip],
      ["trend", trendHtml],
    ] as const) {
      if (html !== "") compare.mismatches.push(`${where}: the ${name} is shown for a team below k`);
    }
    return;
  }
  compare.table(`${where}, radar table`, tablesIn(radar)[0], radarTable(expected));
  compare.table(`${where}, balance table`, tablesIn(strip)[0], balanceTable(expected));

  const [trendRows, changeRows] = tablesIn(trendHtml);
  compare.table(`${where}, trend table`, trendRows, trendTable(expected));
  const paragraphs = paragraphsIn(trendHtml);
  const previous = trend.at(-2);
  if (!previous) {
    compare.same(
      `${where}, change per aspect`,
      paragraphs.find((p) => p.startsWith("There is no earlier")),
      "There is no earlier closed cycle to compare with.",
    );
  } else if (!previous.shown) {
    compare.same(
      `${where}, change per aspect`,
      paragraphs.find((p) => p.startsWith("No change per aspect")),
      `No change per aspect since ${previous.cycleName}: ${fewerPeople(team.k)}`,
    );
  } else {
    compare.table(`${where}, change per aspect since ${previous.cycleName}`, changeRows, changeTable(expected));
    compare.same(
      `${where}, change in B and versatility`,
      paragraphs.find((p) => p.startsWith("Since ")),
      latestChangeSentence(expected),
    );
  }
  compare.same(`${where}, respondents changed`, String(report.respondentsChanged), String(respondentsChanged(expected)));
}

// ---------------------------------------------------------------------------------------

describe("every number of the demo, recomputed from the raw tables", () => {
  it("matches in every manager's report, in every closed cycle", async () => {
    const expected = await expectedNumbers();
    const compare = new Comparison([...new Set(expected.teams.map((team) => team.cycleName))]);
    const managers = [...new Set(expected.teams.map((team) => team.managerId))];
    let reports = 0;
    for (const managerId of managers) {
      // The closed cycles in which this manager was rated, oldest first: their report's cycles.
      const rated = expected.teams.filter((team) => team.managerId === managerId);
      const name = rated[0]!.manager;
      const viewer = (await loadViewer(database.db, managerId))!;
      const latest = await loadReport(database.db, viewer);
      if (latest.status === "not-rated") expect.fail(`${name} has no report`);
      const closed = latest.cycles.filter((cycle) => cycle.state === "closed");
      compare.same(
        `${name}: closed cycles in the report`,
        closed.map((cycle) => cycle.name).join(", "),
        rated
          .map((team) => team.cycleName)
          .reverse()
          .join(", "),
      );
      for (const cycle of closed) {
        const report = await loadReport(database.db, viewer, { cycleId: cycle.id });
        if (report.status !== "closed") expect.fail(`${name} in ${cycle.name}: not a closed report`);
        const index = rated.findIndex((team) => team.cycleId === cycle.id);
        if (index < 0) continue; // already reported as a mismatch in the list of cycles
        // The trend shows at most eight closed cycles, the selected one last.
        const trend = rated.slice(Math.max(0, index - 7), index + 1);
        compareReport(compare, `${name}, ${cycle.name}`, report, { team: rated[index]!, trend, expected });
        reports++;
      }
    }
    expect(managers.length).toBeGreaterThanOrEqual(11);
    expect(reports).toBeGreaterThanOrEqual(33);
    expect(compare.numbers).toBeGreaterThanOrEqual(MIN_REPORT_NUMBERS);
    expect(compare.mismatches).toEqual([]);
  });

  it("matches in the teams CSV of a director and of the VP, in every closed cycle", async () => {
    const expected = await expectedNumbers();
    const cycles = [...new Map(expected.teams.map((team) => [team.cycleId, team])).values()].sort((a, b) => a.ord - b.ord);
    const compare = new Comparison(cycles.map((cycle) => cycle.cycleName));
    let files = 0;
    for (const viewerName of [DIRECTORS[0], VP]) {
      const viewerId = ids.get(viewerName)!;
      const viewer = (await loadViewer(database.db, viewerId))!;
      for (const [c, cycle] of cycles.entries()) {
        const previous = cycles[c - 1] ?? null;
        const where = `${viewerName}'s CSV, ${cycle.cycleName}`;
        const records = parse((await exportTeams(database.db, viewer, cycle.cycleId, DEFAULT_VIEW)).csv, { bom: true }) as string[][];
        const [header, org, ...rows] = records;
        compareCsvHeader(compare, where, header!, previous);
        const members = expected.members.filter((m) => m.viewerId === viewerId && m.cycleId === cycle.cycleId);
        compare.same(
          `${where}: teams`,
          rows
            .map((row) => row[1])
            .sort()
            .join(", "),
          members
            .map((m) => expected.team.get(key(cycle.cycleId, m.managerId))!.manager)
            .sort()
            .join(", "),
        );
        for (const member of members) {
          const team = expected.team.get(key(cycle.cycleId, member.managerId))!;
          // The change in B compares with the previous closed cycle, for a team that was below the viewer then too.
          const before =
            previous && expected.members.some((m) => m.viewerId === viewerId && m.cycleId === previous.cycleId && m.managerId === member.managerId);
          const change = before ? expected.change.get(key(member.managerId, cycle.cycleId, previous.cycleId, "B", "")) : undefined;
          const row = rows.find((record) => record[1] === team.manager);
          compareCsvRow(compare, `${where}, ${team.manager}`, row, csvTeamRow(expected, team, member.parent, change, previous));
        }
        compareCsvRow(compare, `${where}, organisation`, org, csvOrgRow(expected, viewerId, cycle));
        files++;
      }
    }
    expect(files).toBe(2 * cycles.length);
    expect(compare.numbers).toBeGreaterThanOrEqual(MIN_CSV_NUMBERS);
    expect(compare.mismatches).toEqual([]);
  });
});

/**
 * The demo shows about 8,400 numbers in its reports (33 reports of 11 managers) and about
 * 930 in its CSVs (6 files): a run that compared far fewer has lost its way.
 */
const MIN_REPORT_NUMBERS = 7_500;
const MIN_CSV_NUMBERS = 800;

// ---------------------------------------------------------------------------------------
// The CSV: numbers with an ASCII minus and no plus; hidden values empty.

const CSV_COLUMNS = [
  "Row",
  "Manager",
  "Reports to",
  "Responses",
  "Invited",
  "Response rate",
  ...ASPECT_KEYS.flatMap((aspect) => [`${aspectName(aspect)} (b)`, `${aspectName(aspect)} (n)`]),
  "Overall balance (B)",
  "Versatility",
  "Situational target (T)",
  "Fit gap (B − T)",
  "Change in B",
  "Change in B: clear of the noise?",
  "Lopsided aspects",
  "Not shown, and why",
];

function compareCsvHeader(compare: Comparison, where: string, header: string[], previous: TeamRow | null) {
  const changeColumn = CSV_COLUMNS.indexOf("Change in B");
  compare.same(`${where}: columns`, String(header.length), String(CSV_COLUMNS.length));
  compare.same(`${where}: change column`, header[changeColumn], previous ? `Change in B since ${previous.cycleName}` : "Change in B");
}

function compareCsvRow(compare: Comparison, where: string, actual: string[] | undefined, expected: string[]) {
  if (!actual) {
    compare.mismatches.push(`${where}: no row`);
    return;
  }
  expected.forEach((cell, c) => compare.same(`${where}, ${CSV_COLUMNS[c]}`, actual[c], cell));
}

const hiddenAspectsReason = (hidden: string[], k: number) => (hidden.length === 0 ? [] : [`${hidden.join(", ")}: fewer than ${k} answers on a pole.`]);

function csvTeamRow(expected: Expected, team: TeamRow, parent: string, change: ChangeRow | undefined, previous: TeamRow | null): string[] {
  const aspects = ASPECT_KEYS.map((aspect) => expected.aspect.get(key(team.cycleId, team.managerId, aspect)));
  const shown = aspects.map((aspect) => (team.shown && aspect?.shown ? aspect : null));
  const hidden = ASPECT_KEYS.filter((_, a) => shown[a] === null).map(aspectName);
  let reasons: string[];
  if (!team.shown) reasons = [fewerPeople(team.k)];
  else {
    reasons = hiddenAspectsReason(hidden, team.k);
    if (team.balance === null) reasons.push(`B, versatility and fit gap: ${NO_ASPECT}`);
    else if (!change) reasons.push(previous ? `Change in B: no result shown for this team in ${previous.cycleName}.` : "Change in B: no earlier closed cycle.");
  }
  return [
    "team",
    team.manager,
    parent,
    String(team.respondents),
    String(team.invited),
    team.rate,
    ...shown.flatMap((aspect) => (aspect ? [aspect.b, String(aspect.n)] : ["", ""])),
    team.balance ?? "",
    team.versatility ?? "",
    team.target,
    team.fitGap ?? "",
    change?.value ?? "",
    change ? verdictWords(change) : "",
    ASPECT_KEYS.filter((_, a) => shown[a]?.lopsided)
      .map(aspectName)
      .join("; "),
    reasons.join(" "),
  ];
}

function csvOrgRow(expected: Expected, viewerId: string, cycle: TeamRow): string[] {
  const org = expected.org.get(key(viewerId, cycle.cycleId))!;
  const aspects = ASPECT_KEYS.map((aspect) => expected.orgAspect.get(key(viewerId, cycle.cycleId, aspect)));
  const hidden = ASPECT_KEYS.filter((_, a) => !aspects[a]).map(aspectName);
  const leftOut = `${org.leftOut} ${org.leftOut === 1 ? "team" : "teams"} left out below the threshold.`;
  const reasons =
    org.included === 0
      ? `Not shown: no team has ${cycle.k} or more answers on its own. ${leftOut}`
      : [leftOut, ...hiddenAspectsReason(hidden, cycle.k), "T, fit gap and change in B are per team."].join(" ");
  return [
    "organisation",
    `All teams meeting k (${org.included} of ${org.included + org.leftOut}): counts and scores cover these teams only`,
    "",
    String(org.respondents),
    String(org.invited),
    org.rate ?? "",
    ...aspects.flatMap((aspect) => (aspect ? [aspect.b, String(aspect.n)] : ["", ""])),
    org.balance ?? "",
    org.versatility ?? "",
    "",
    "",
    "",
    "",
    ASPECT_KEYS.filter((_, a) => aspects[a]?.lopsided)
      .map(aspectName)
      .join("; "),
    reasons,
  ];
}
