-- How precisely b, B and overall versatility are known (lib/scoring AspectAggregate and
-- RaterAggregate), so that a change between cycles is called only when it is clear of the
-- noise. Columns are added empty, filled for the cycles already closed, then required.
ALTER TABLE "cycle_team_summaries" DROP CONSTRAINT "cycle_team_summaries_one_per_aspect";--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "difference_n" integer[];--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "difference_sum" integer[];--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "difference_sum_of_squares" integer[];--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "rater_n" integer;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "rater_difference_sum" double precision;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "rater_difference_sum_of_squares" double precision;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "rater_total_sum" double precision;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "rater_total_sum_of_squares" double precision;--> statement-breakpoint

-- The precision columns of one cycle's teams, from its plaintext answers. A team below k
-- has none, so it gets zeros, as for every other statistic. 420 is lib/scoring RATER_UNITS:
-- each rater's mean over c paired aspects (c from 1 to 7) is a whole number of 1/420ths.
CREATE FUNCTION cycle_team_precision(p_cycle_id uuid)
RETURNS TABLE (manager_id uuid, difference_n integer[], difference_sum integer[], difference_sum_of_squares integer[],
  rater_n integer, rater_difference_sum double precision, rater_difference_sum_of_squares double precision,
  rater_total_sum double precision, rater_total_sum_of_squares double precision)
LANGUAGE sql STABLE AS $$
  WITH managers AS (
    SELECT DISTINCT a.manager_id FROM cycle_assignments a WHERE a.cycle_id = p_cycle_id AND a.rater_id <> a.manager_id
  ),
  paired AS (
    SELECT r.id AS response_id, r.manager_id, a.aspect,
      a.leadership - a.management AS difference, a.leadership + a.management AS total
    FROM responses r JOIN response_answers a ON a.response_id = r.id
    WHERE r.cycle_id = p_cycle_id AND a.management IS NOT NULL AND a.leadership IS NOT NULL
  ),
  per_aspect AS (
    SELECT p.manager_id, p.aspect, count(*)::int AS n, sum(p.difference)::int AS sum, sum(p.difference * p.difference)::int AS sum_of_squares
    FROM paired p GROUP BY p.manager_id, p.aspect
  ),
  per_rater AS (
    SELECT p.manager_id, (420 / count(*)) * sum(p.difference) AS difference, (420 / count(*)) * sum(p.total) AS total
    FROM paired p GROUP BY p.response_id, p.manager_id
  ),
  raters AS (
    SELECT r.manager_id, count(*)::int AS n,
      sum(r.difference::float8) AS difference_sum, sum((r.difference * r.difference)::float8) AS difference_sum_of_squares,
      sum(r.total::float8) AS total_sum, sum((r.total * r.total)::float8) AS total_sum_of_squares
    FROM per_rater r GROUP BY r.manager_id
  ),
  aspects AS (
    SELECT m.manager_id,
      array_agg(coalesce(p.n, 0) ORDER BY x.aspect) AS n,
      array_agg(coalesce(p.sum, 0) ORDER BY x.aspect) AS sum,
      array_agg(coalesce(p.sum_of_squares, 0) ORDER BY x.aspect) AS sum_of_squares
    FROM managers m
    CROSS JOIN unnest(enum_range(NULL::aspect)) AS x(aspect)
    LEFT JOIN per_aspect p ON p.manager_id = m.manager_id AND p.aspect = x.aspect
    GROUP BY m.manager_id
  )
  SELECT a.manager_id, a.n, a.sum, a.sum_of_squares,
    coalesce(r.n, 0), coalesce(r.difference_sum, 0), coalesce(r.difference_sum_of_squares, 0),
    coalesce(r.total_sum, 0), coalesce(r.total_sum_of_squares, 0)
  FROM aspects a LEFT JOIN raters r ON r.manager_id = a.manager_id
$$;
--> statement-breakpoint

-- The close fills the precision with everything else, in the same statement.
CREATE OR REPLACE FUNCTION fill_cycle_team_summaries(p_cycle_id uuid) RETURNS integer LANGUAGE sql AS $$
  WITH managers AS (
    SELECT a.manager_id, count(*)::int AS invited
    FROM cycle_assignments a
    WHERE a.cycle_id = p_cycle_id AND a.rater_id <> a.manager_id
    GROUP BY a.manager_id
  ),
  parents AS (
    SELECT a.rater_id AS manager_id, a.manager_id AS reports_to
    FROM cycle_assignments a
    WHERE a.cycle_id = p_cycle_id AND a.rater_id <> a.manager_id
  ),
  teams AS (
    SELECT p.manager_id, count(*)::int AS respondents
    FROM participations p WHERE p.cycle_id = p_cycle_id
    GROUP BY p.manager_id
  ),
  per_aspect AS (
    SELECT r.manager_id, a.aspect,
      count(a.management)::int AS management_n, coalesce(sum(a.management), 0)::int AS management_sum,
      coalesce(sum(a.management * a.management), 0)::int AS management_sum_of_squares,
      count(a.leadership)::int AS leadership_n, coalesce(sum(a.leadership), 0)::int AS leadership_sum,
      coalesce(sum(a.leadership * a.leadership), 0)::int AS leadership_sum_of_squares,
      count(a.need)::int AS need_n, coalesce(sum(a.need), 0)::int AS need_sum,
      coalesce(sum(a.need * a.need), 0)::int AS need_sum_of_squares
    FROM responses r JOIN response_answers a ON a.response_id = r.id
    WHERE r.cycle_id = p_cycle_id
    GROUP BY r.manager_id, a.aspect
  ),
  moments AS (
    SELECT m.manager_id,
      array_agg(coalesce(p.management_n, 0) ORDER BY x.aspect) AS management_n,
      array_agg(coalesce(p.management_sum, 0) ORDER BY x.aspect) AS management_sum,
      array_agg(coalesce(p.management_sum_of_squares, 0) ORDER BY x.aspect) AS management_sum_of_squares,
      array_agg(coalesce(p.leadership_n, 0) ORDER BY x.aspect) AS leadership_n,
      array_agg(coalesce(p.leadership_sum, 0) ORDER BY x.aspect) AS leadership_sum,
      array_agg(coalesce(p.leadership_sum_of_squares, 0) ORDER BY x.aspect) AS leadership_sum_of_squares,
      array_agg(coalesce(p.need_n, 0) ORDER BY x.aspect) AS need_n,
      array_agg(coalesce(p.need_sum, 0) ORDER BY x.aspect) AS need_sum,
      array_agg(coalesce(p.need_sum_of_squares, 0) ORDER BY x.aspect) AS need_sum_of_squares
    FROM managers m
    CROSS JOIN unnest(enum_range(NULL::aspect)) AS x(aspect)
    LEFT JOIN per_aspect p ON p.manager_id = m.manager_id AND p.aspect = x.aspect
    GROUP BY m.manager_id
  ),
  inserted AS (
    INSERT INTO cycle_team_summaries (cycle_id, manager_id, reports_to, invited, respondents,
      management_n, management_sum, management_sum_of_squares,
      leadership_n, leadership_sum, leadership_sum_of_squares,
      need_n, need_sum, need_sum_of_squares,
      difference_n, difference_sum, difference_sum_of_squares,
      rater_n, rater_difference_sum, rater_difference_sum_of_squares, rater_total_sum, rater_total_sum_of_squares)
    SELECT p_cycle_id, m.manager_id, parents.reports_to, m.invited, coalesce(teams.respondents, 0),
      mo.management_n, mo.management_sum, mo.management_sum_of_squares,
      mo.leadership_n, mo.leadership_sum, mo.leadership_sum_of_squares,
      mo.need_n, mo.need_sum, mo.need_sum_of_squares,
      pr.difference_n, pr.difference_sum, pr.difference_sum_of_squares,
      pr.rater_n, pr.rater_difference_sum, pr.rater_difference_sum_of_squares, pr.rater_total_sum, pr.rater_total_sum_of_squares
    FROM managers m
    JOIN moments mo ON mo.manager_id = m.manager_id
    JOIN cycle_team_precision(p_cycle_id) pr ON pr.manager_id = m.manager_id
    LEFT JOIN parents ON parents.manager_id = m.manager_id
    LEFT JOIN teams ON teams.manager_id = m.manager_id
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$$;
--> statement-breakpoint

-- The cycles closed before these columns existed.
UPDATE cycle_team_summaries s SET
  difference_n = p.difference_n, difference_sum = p.difference_sum, difference_sum_of_squares = p.difference_sum_of_squares,
  rater_n = p.rater_n, rater_difference_sum = p.rater_difference_sum, rater_difference_sum_of_squares = p.rater_difference_sum_of_squares,
  rater_total_sum = p.rater_total_sum, rater_total_sum_of_squares = p.rater_total_sum_of_squares
FROM cycles c, cycle_team_precision(c.id) p
WHERE c.state = 'closed' AND s.cycle_id = c.id AND s.manager_id = p.manager_id;
--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "difference_n" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "difference_sum" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "difference_sum_of_squares" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "rater_n" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "rater_difference_sum" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "rater_difference_sum_of_squares" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "rater_total_sum" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ALTER COLUMN "rater_total_sum_of_squares" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_one_per_aspect" CHECK (cardinality(management_n) = 7 AND cardinality(management_sum) = 7 AND cardinality(management_sum_of_squares) = 7 AND cardinality(leadership_n) = 7 AND cardinality(leadership_sum) = 7 AND cardinality(leadership_sum_of_squares) = 7 AND cardinality(need_n) = 7 AND cardinality(need_sum) = 7 AND cardinality(need_sum_of_squares) = 7 AND cardinality(difference_n) = 7 AND cardinality(difference_sum) = 7 AND cardinality(difference_sum_of_squares) = 7);
