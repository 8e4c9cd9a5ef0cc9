import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { uuidSchema } from "@/lib/ids";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { ASPECT_KEYS, type AspectKey, type Rating, RATINGS } from "@/lib/aspects";
import {
  type Absent,
  type AspectAggregate,
  type Gated,
  type Moments,
  type Scores,
  type SelfAspect,
  type Shown,
  type Thresholds,
  EMPTY_RATERS,
  emptyAspects,
  RATER_UNITS,
  resolveThresholds,
  selfProfile,
  situationalTarget,
  suppressTeam,
} from "@/lib/scoring";
import { SITUATION_KEYS, type SituationKey } from "@/lib/situations";
import { respondentsChanged } from "@/lib/report/trend";
import { type FollowThrough, followThroughOf } from "@/lib/follow-through";
import { followThroughSeries } from "@/server/internal/follow-through";
import { closeDueCycles } from "@/server/internal/cycles/close";
import { ForbiddenError } from "./errors";
import { countWhileOpen } from "@/lib/response-count";
import { newestCycleFirst } from "@/server/internal/cycle-order";
import { aboveInSnapshot } from "@/server/internal/snapshot-tree";
import type { CommitmentList } from "./commitments";
import type { Viewer } from "./viewer";

/** How many closed cycles the trend goes back, the selected one included. */
export const TREND_CYCLES = 8;

export interface ReportCycle {
  id: string;
  name: string;
  state: "open" | "closed";
  closesOn: string;
  /** Reps the snapshot invited to rate the manager (N). */
  invited: number;
  /** How many of them answered (n). Counts only: they say nothing about who. */
  responded: number;
  /** Only while the cycle is open: `responded` is a floor, as `countWhileOpen` shows it. */
  atLeast: boolean;
}

export interface ReportSubject {
  id: string;
  name: string;
  /** The viewer is reading their own report: the only case in which comments are shown. */
  isViewer: boolean;
}

/** A team's scores without its comments, which only the selected cycle's owner gets. */
export type TeamScores = Shown<Scores> | Absent<"team_below_threshold">;

export interface CycleResult {
  cycle: ReportCycle;
  team: TeamScores;
  /** The manager's own answers, or `null` when they did not assess themselves. */
  self: Record<AspectKey, SelfAspect> | null;
}

interface ReportBase {
  manager: ReportSubject;
  /** Every cycle this viewer may open for this manager, newest first. */
  cycles: ReportCycle[];
}

export type ManagerReport =
  /** The viewer's own report before anyone was ever invited to rate them. */
  | { status: "not-rated"; manager: ReportSubject }
  /** An open cycle: how many answered so far, never a score. */
  | (ReportBase & { status: "open"; cycle: ReportCycle })
  | (ReportBase & {
      status: "closed";
      cycle: ReportCycle;
      thresholds: Thresholds;
      /** The team's current situations (latest save) and the target T they give. */
      situations: SituationKey[];
      target: number;
      current: CycleResult;
      /** Closed cycles up to and including the selected one, oldest first. */
      trend: CycleResult[];
      /** `null` when the viewer is not the manager (comments are for them alone) or the team is below k. */
      comments: Gated<{ readonly items: readonly string[] }> | null;
      /**
       * Fewer than half of the selected cycle's respondents also answered the closed cycle
       * before it; `null` when there is none, or either team was below its k.
       */
      respondentsChanged: boolean | null;
      /**
       * The manager's commitments after this report, as this viewer may read them: added by
       * the page from loadCommitments (server/dal/commitments.ts), absent where only the
       * report was loaded.
       */
      commitments?: CommitmentList;
      /**
       * What the manager committed to after the report before, and how often the team saw
       * it practised in this cycle, with how the committed aspect moved since.
       */
      followThrough: FollowThrough[];
    });

export type ClosedReport = Extract<ManagerReport, { status: "closed" }>;

export interface ReportRequest {
  /** Whose report; the viewer's own when absent. */
  managerId?: string;
  /**
   * Which cycle. When absent: the latest closed one whose team met that cycle's k, else the
   * latest closed one, else the latest open one.
   */
  cycleId?: string;
}

/**
 * A manager's report for one cycle, as this viewer may see it. The manager sees their own
 * report with comments. Anyone above the manager in a cycle's snapshot (rater → manager
 * rows of cycle_assignments, followed upward) sees that cycle without comments. Nobody
 * else, admins included: they get a ForbiddenError, whatever exists or not.
 *
 * Two SQL statements do the work (after the usual closing of cycles past their date):
 * one finds the cycles the viewer may open, with n of N, the thresholds and the team's
 * situation; the other aggregates the answers of the closed ones into sufficient
 * statistics. Individual answers never leave the database; comments only do for the
 * manager, and only when there are enough of them.
 */
export async function loadReport(db: Database, viewer: Viewer, request: ReportRequest = {}): Promise<ManagerReport> {
  const managerId = request.managerId ?? viewer.id;
  if (!uuidSchema.safeParse(managerId).success || (request.cycleId && !uuidSchema.safeParse(request.cycleId).success)) {
    throw new ForbiddenError("open this report");
  }
  const isViewer = managerId === viewer.id;
  await closeDueCycles(db);

  const context = await selectRows(db, contextQuery(viewer.id, managerId), reportCycleRow);
  const first = context[0];
  if (!first) {
    if (isViewer && !request.cycleId) return { status: "not-rated", manager: { id: viewer.id, name: viewer.name, isViewer } };
    throw new ForbiddenError("open this report");
  }
  const cycles = context.map(toCycle);
  // Each cycle's own thresholds, frozen when it opened (and perhaps raised since).
  const thresholdsOf = new Map(
    context.map((row) => [row.id, resolveThresholds({ k: row.minRaters ?? undefined, commentThreshold: row.minCommenters ?? undefined })]),
  );
  // Without a cycle asked for: the latest closed one whose team met its k, else the latest closed one, else the latest.
  const closedCycles = cycles.filter((c) => c.state === "closed");
  const cycle = request.cycleId
    ? cycles.find((c) => c.id === request.cycleId)
    : (closedCycles.find((c) => c.responded >= thresholdsOf.get(c.id)!.k) ?? closedCycles[0] ?? cycles[0]);
  if (!cycle) throw new ForbiddenError("open this report for that cycle");
  const manager = { id: managerId, name: first.managerName, isViewer };
  if (cycle.state === "open") return { status: "open", manager, cycles, cycle };

  const thresholds = thresholdsOf.get(cycle.id)!;
  // The selected cycle and the closed ones before it, oldest first: the report reads as it did then.
  const trendCycles = cycles
    .slice(cycles.indexOf(cycle))
    .filter((c) => c.state === "closed")
    .slice(0, TREND_CYCLES)
    .reverse();
  const previousCycle = trendCycles.at(-2) ?? null;
  const rows = await selectRows(db, aggregateQuery(managerId, trendCycles, cycle.id, previousCycle?.id ?? null, isViewer, thresholds), cycleAggregateRow);
  const byCycle = new Map(rows.map((row) => [row.cycleId, row]));
  const results = trendCycles.map((c) => cycleResult(c, byCycle.get(c.id), thresholdsOf.get(c.id)!));
  const current = results[results.length - 1]!;
  const previous = results.at(-2)?.result.team;
  const returning = byCycle.get(cycle.id)?.returning ?? null;
  const situations = first.situations ?? [];
  const series = (await followThroughSeries(db, cycle.id, [managerId])).get(managerId) ?? [];
  const scoresIn = (cycleId: string) => results.find((r) => r.result.cycle.id === cycleId)?.result.team ?? null;
  return {
    status: "closed",
    manager,
    cycles,
    cycle,
    thresholds,
    situations,
    target: situationalTarget(situations),
    current: current.result,
    trend: results.map((r) => r.result),
    comments: isViewer && current.comments ? current.comments : null,
    respondentsChanged:
      previousCycle && previous?.shown && current.result.team.shown && returning !== null
        ? respondentsChanged(current.result.team.respondents, previous.respondents, returning, Math.max(thresholds.k, thresholdsOf.get(previousCycle.id)!.k))
        : null,
    followThrough: followThroughOf(series, current.result.team, thresholds, scoresIn),
  };
}

/** A cycle in which the manager was rated and the viewer may see the result, with the manager's name and team situations repeated on each. */
const reportCycleRow = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(["open", "closed"]),
  closesOn: z.iso.date(),
  invited: z.int(),
  responded: z.int(),
  managerName: z.string(),
  minRaters: z.int().nullable(),
  minCommenters: z.int().nullable(),
  situations: z.array(z.enum(SITUATION_KEYS)).nullable(),
});
type ReportCycleRow = z.infer<typeof reportCycleRow>;

const toCycle = ({ id, name, state, closesOn, invited, responded }: ReportCycleRow): ReportCycle => ({
  id,
  name,
  state,
  closesOn,
  ...(state === "open" ? countWhileOpen(responded, invited) : { invited, responded, atLeast: false }),
});

/**
 * The cycles in which the manager was rated and the viewer may see the result: all of
 * them for the manager, and for anyone else the cycles whose snapshot has the viewer
 * above the manager. `above` climbs the snapshot from the manager: in each cycle the
 * manager rates their own manager, who rates theirs, and so on.
 */
function contextQuery(viewerId: string, managerId: string): SQL {
  return sql`
    WITH RECURSIVE ${aboveInSnapshot(managerId)},
    rated AS (
      SELECT a.cycle_id, count(*)::int AS invited, count(p.rater_id)::int AS responded
        FROM cycle_assignments a
        LEFT JOIN participations p
          ON p.cycle_id = a.cycle_id AND p.rater_id = a.rater_id AND p.manager_id = a.manager_id
        WHERE a.manager_id = ${managerId} AND a.rater_id <> a.manager_id
        GROUP BY a.cycle_id
    )
    SELECT c.id, c.name, c.state::text AS state, c.closes_on::text AS "closesOn", rated.invited, rated.responded,
      (SELECT name FROM people WHERE id = ${managerId}) AS "managerName",
      c.min_raters::int AS "minRaters",
      c.min_commenters::int AS "minCommenters",
      (SELECT array_to_json(s.situations) FROM team_situations s
        WHERE s.manager_id = ${managerId} ORDER BY s.changed_at DESC, s.id DESC LIMIT 1) AS situations
    FROM rated
    JOIN cycles c ON c.id = rated.cycle_id
    WHERE c.state <> 'draft'
      AND (${viewerId === managerId}
        OR EXISTS (SELECT 1 FROM above WHERE above.cycle_id = c.id AND above.person_id = ${viewerId}))
    ORDER BY ${newestCycleFirst("c")}`;
}

const seriesMoments = z.object({ n: z.int(), sum: z.int(), sumOfSquares: z.int() }) satisfies z.ZodType<Moments>;
const rating = z.literal(RATINGS);

/** One closed cycle's answers about the manager, as sufficient statistics, with their self-assessment. */
const cycleAggregateRow = z.object({
  cycleId: z.string(),
  respondents: z.int(),
  /** Present only for the manager's own selected cycle, and only above the comment threshold. */
  comments: z.array(z.string()).nullable(),
  aspects: z
    .partialRecord(z.enum(ASPECT_KEYS), z.object({ management: seriesMoments, leadership: seriesMoments, need: seriesMoments, difference: seriesMoments }))
    .nullable(),
  /** Each rater's mean L − M and L + M, in whole 1/RATER_UNITS (lib/scoring RaterAggregate); null with no response. */
  raters: z.object({ difference: seriesMoments, total: seriesMoments }).nullable(),
  self: z.partialRecord(z.enum(ASPECT_KEYS), z.object({ management: rating.nullable(), leadership: rating.nullable() })).nullable(),
  /** Only on the selected cycle's row: how many of its respondents also answered the cycle before; else null. */
  returning: z.int().nullable(),
});
type CycleAggregateRow = z.infer<typeof cycleAggregateRow>;

/** Count, sum and sum of squares of an expression's non-null values, as lib/scoring's Moments. */
const moments = (expression: string) =>
  sql.raw(`json_build_object(
  'n', count(${expression}),
  'sum', coalesce(sum(${expression}), 0),
  'sumOfSquares', coalesce(sum((${expression}) * (${expression})), 0))`);

/**
 * Per closed cycle: how many responded, and per aspect the count, sum and sum of squares
 * of each item's non-empty answers and of L − M where both poles were rated, and the same
 * of each rater's own means, which is all lib/scoring needs. Also the manager's
 * self-assessment, and the selected cycle's comments when the viewer is the manager and
 * at least the comment threshold of people wrote one; lib/scoring checks that again and
 * shuffles them. On the selected cycle's row, how many of its respondents (from
 * participation: who, never what) also answered the cycle before, as a count.
 */
function aggregateQuery(
  managerId: string,
  cycles: ReportCycle[],
  selectedId: string,
  previousId: string | null,
  withComments: boolean,
  thresholds: Thresholds,
): SQL {
  const ids = sql.join(
    cycles.map((cycle) => sql`${cycle.id}::uuid`),
    sql`, `,
  );
  return sql`
    WITH teams AS (
      SELECT r.cycle_id, count(*)::int AS respondents,
        CASE WHEN ${withComments} AND r.cycle_id = ${selectedId}::uuid AND count(r.comment) >= ${thresholds.commentThreshold}
          THEN json_agg(r.comment) FILTER (WHERE r.comment IS NOT NULL) END AS comments
      FROM responses r
      WHERE r.manager_id = ${managerId} AND r.cycle_id IN (${ids})
      GROUP BY r.cycle_id
    ),
    per_aspect AS (
      SELECT r.cycle_id, a.aspect,
        json_build_object('management', ${moments("a.management")}, 'leadership', ${moments("a.leadership")}, 'need', ${moments("a.need")},
          'difference', ${moments("a.leadership - a.management")}) AS moments
      FROM responses r
      JOIN response_answers a ON a.response_id = r.id
      WHERE r.manager_id = ${managerId} AND r.cycle_id IN (${ids})
      GROUP BY r.cycle_id, a.aspect
    ),
    aspects AS (
      SELECT cycle_id, json_object_agg(aspect, moments) AS aspects FROM per_aspect GROUP BY cycle_id
    ),
    per_rater AS (
      SELECT r.cycle_id,
        (${RATER_UNITS} / count(*))::int * sum(a.leadership - a.management)::int AS difference,
        (${RATER_UNITS} / count(*))::int * sum(a.leadership + a.management)::int AS total
      FROM responses r
      JOIN response_answers a ON a.response_id = r.id AND a.management IS NOT NULL AND a.leadership IS NOT NULL
      WHERE r.manager_id = ${managerId} AND r.cycle_id IN (${ids})
      GROUP BY r.cycle_id, r.id
    ),
    raters AS (
      SELECT cycle_id, json_build_object('difference', ${moments("difference")}, 'total', ${moments("total")}) AS raters
      FROM per_rater GROUP BY cycle_id
    ),
    selves AS (
      SELECT cycle_id, json_object_agg(aspect, json_build_object('management', management, 'leadership', leadership)) AS self
      FROM self_assessment_answers
      WHERE manager_id = ${managerId} AND cycle_id IN (${ids})
      GROUP BY cycle_id
    )
    SELECT c.id AS "cycleId", coalesce(teams.respondents, 0) AS respondents, teams.comments, aspects.aspects, raters.raters, selves.self,
      CASE WHEN c.id = ${selectedId}::uuid AND ${previousId}::uuid IS NOT NULL THEN
        (SELECT count(*)::int FROM participations p
          JOIN participations q ON q.cycle_id = ${previousId}::uuid AND q.manager_id = p.manager_id AND q.rater_id = p.rater_id
          WHERE p.cycle_id = c.id AND p.manager_id = ${managerId})
      END AS returning
    FROM cycles c
    LEFT JOIN teams ON teams.cycle_id = c.id
    LEFT JOIN aspects ON aspects.cycle_id = c.id
    LEFT JOIN raters ON raters.cycle_id = c.id
    LEFT JOIN selves ON selves.cycle_id = c.id
    WHERE c.id IN (${ids})`;
}

function teamAggregate(row: CycleAggregateRow | undefined) {
  const aspects: Record<AspectKey, AspectAggregate> = emptyAspects();
  for (const key of ASPECT_KEYS) {
    const found = row?.aspects?.[key];
    if (found) aspects[key] = found;
  }
  return { respondents: row?.respondents ?? 0, aspects, raters: row?.raters ?? EMPTY_RATERS, comments: row?.comments ?? [] };
}

function cycleResult(cycle: ReportCycle, row: CycleAggregateRow | undefined, thresholds: Thresholds) {
  const report = suppressTeam(teamAggregate(row), thresholds);
  // Comments travel apart from the scores: only the selected cycle's manager gets them.
  const team: TeamScores = report.shown
    ? { shown: true, respondents: report.respondents, aspects: report.aspects, balance: report.balance, versatility: report.versatility }
    : report;
  const answers = row?.self;
  const self = answers
    ? selfProfile({
        aspects: Object.fromEntries(ASPECT_KEYS.map((key) => [key, answers[key] ?? { management: null, leadership: null }])) as Record<
          AspectKey,
          { management: Rating | null; leadership: Rating | null }
        >,
      })
    : null;
  const result: CycleResult = { cycle, team, self };
  return { result, comments: report.shown ? report.comments : null };
}
