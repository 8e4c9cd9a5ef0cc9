CREATE TABLE "cycle_team_summaries" (
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"reports_to" uuid,
	"invited" integer NOT NULL,
	"respondents" integer NOT NULL,
	"management_n" integer[] NOT NULL,
	"management_sum" integer[] NOT NULL,
	"management_sum_of_squares" integer[] NOT NULL,
	"leadership_n" integer[] NOT NULL,
	"leadership_sum" integer[] NOT NULL,
	"leadership_sum_of_squares" integer[] NOT NULL,
	"need_n" integer[] NOT NULL,
	"need_sum" integer[] NOT NULL,
	"need_sum_of_squares" integer[] NOT NULL,
	CONSTRAINT "cycle_team_summaries_cycle_id_manager_id_pk" PRIMARY KEY("cycle_id","manager_id"),
	CONSTRAINT "cycle_team_summaries_counts" CHECK ("cycle_team_summaries"."respondents" BETWEEN 0 AND "cycle_team_summaries"."invited"),
	CONSTRAINT "cycle_team_summaries_one_per_aspect" CHECK (cardinality(management_n) = 7 AND cardinality(management_sum) = 7 AND cardinality(management_sum_of_squares) = 7 AND cardinality(leadership_n) = 7 AND cardinality(leadership_sum) = 7 AND cardinality(leadership_sum_of_squares) = 7 AND cardinality(need_n) = 7 AND cardinality(need_sum) = 7 AND cardinality(need_sum_of_squares) = 7)
);
--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_reports_to_people_id_fk" FOREIGN KEY ("reports_to") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_team_summaries_reports_to_idx" ON "cycle_team_summaries" USING btree ("reports_to","cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_team_summaries_manager_idx" ON "cycle_team_summaries" USING btree ("manager_id");--> statement-breakpoint

-- Fills the summaries of one cycle from its snapshot and its answers. Called in the
-- transaction that closes the cycle (server/cycles/close.ts), after the answers have been
-- rewritten in random order; and below, once, for the cycles closed before this table
-- existed. Every manager of the snapshot gets a row, with zeros where nobody answered.
-- Aspect arrays follow the order of the aspect enum, which is ASPECT_KEYS.
CREATE FUNCTION fill_cycle_team_summaries(p_cycle_id uuid) RETURNS integer LANGUAGE sql AS $$
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
    SELECT r.manager_id, count(*)::int AS respondents
    FROM responses r WHERE r.cycle_id = p_cycle_id
    GROUP BY r.manager_id
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
      need_n, need_sum, need_sum_of_squares)
    SELECT p_cycle_id, m.manager_id, parents.reports_to, m.invited, coalesce(teams.respondents, 0),
      mo.management_n, mo.management_sum, mo.management_sum_of_squares,
      mo.leadership_n, mo.leadership_sum, mo.leadership_sum_of_squares,
      mo.need_n, mo.need_sum, mo.need_sum_of_squares
    FROM managers m
    JOIN moments mo ON mo.manager_id = m.manager_id
    LEFT JOIN parents ON parents.manager_id = m.manager_id
    LEFT JOIN teams ON teams.manager_id = m.manager_id
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$$;
--> statement-breakpoint
-- The backfill reads every closed answer once: on a large database that outlasts the app's
-- statement timeout, so this migration's transaction lifts it.
SET LOCAL statement_timeout = 0;
--> statement-breakpoint
SELECT fill_cycle_team_summaries(id) FROM cycles WHERE state = 'closed' ORDER BY opens_on;
