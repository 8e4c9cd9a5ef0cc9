-- Sealed answers (server/seal.ts), thresholds frozen per cycle, and sign-in links that a
-- newer one voids.

ALTER TYPE "public"."audit_action" ADD VALUE 'cycle.thresholds';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'password.reset_request';--> statement-breakpoint
ALTER TYPE "public"."login_subject_kind" ADD VALUE 'reset_account';--> statement-breakpoint
ALTER TYPE "public"."login_subject_kind" ADD VALUE 'reset_ip';--> statement-breakpoint
ALTER TYPE "public"."login_subject_kind" ADD VALUE 'link_ip';--> statement-breakpoint
-- The throttles now keep a keyed hash of an email or an address, not the text
-- (server/auth/throttle.ts); the attempts already kept named them in the clear, and count
-- for 15 minutes at most.
DELETE FROM "login_failures";--> statement-breakpoint

-- While a cycle is open its answers are only here, sealed. Each cycle has a partition of its
-- own, created as it opens; the close opens the seals, writes the answers in random order,
-- and drops the partition, which removes its files, old row versions and all, whatever
-- snapshot another transaction still holds. No foreign keys: dropping a partition would
-- then lock cycles and people against writes (see db/schema.ts).
CREATE TABLE "sealed_responses" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "sealed_responses_cycle_id_id_pk" PRIMARY KEY("cycle_id","id")
) PARTITION BY LIST ("cycle_id");
--> statement-breakpoint
-- A seal is ciphertext of one fixed size (about 4 KB): it never compresses and always fits
-- in a page, so it stays in the row, with no attempt at compression and no TOAST table.
ALTER TABLE "sealed_responses" ALTER COLUMN "sealed" SET STORAGE PLAIN;--> statement-breakpoint

ALTER TABLE "cycles" ADD COLUMN "min_raters" smallint;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "min_commenters" smallint;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "seal_key_fingerprint" text;--> statement-breakpoint
-- Creating and dropping a partition takes ownership of sealed_responses. These two run
-- with the rights of the role that migrates (SECURITY DEFINER), so the app's own role needs
-- neither that ownership nor CREATE on the schema (README: the owner and app roles). Each
-- does one narrow thing: a partition named after a cycle, for that cycle; and dropping one
-- only once its cycle is no longer open.
CREATE FUNCTION create_sealed_partition(p_cycle_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE TABLE %I PARTITION OF sealed_responses FOR VALUES IN (%L)',
    'sealed_responses_' || replace(p_cycle_id::text, '-', ''), p_cycle_id);
END $$;
--> statement-breakpoint
CREATE FUNCTION drop_sealed_partition(p_partition text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_partition !~ '^sealed_responses_[0-9a-f]{32}$'
     OR NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'sealed_responses'::regclass AND c.relname = p_partition)
     OR EXISTS (SELECT 1 FROM cycles WHERE state = 'open' AND 'sealed_responses_' || replace(id::text, '-', '') = p_partition) THEN
    RAISE EXCEPTION 'not the partition of a cycle that is no longer open: %', p_partition USING ERRCODE = 'check_violation';
  END IF;
  EXECUTE format('DROP TABLE %I', p_partition);
END $$;
--> statement-breakpoint
-- A cycle that is open now gets its partition; the app records its key as it starts.
SELECT create_sealed_partition(id) FROM cycles WHERE state = 'open';
--> statement-breakpoint
-- Cycles opened before thresholds were frozen keep the ones in force now.
UPDATE "cycles" SET "min_raters" = s."min_raters", "min_commenters" = s."min_commenters"
  FROM "settings" s WHERE s."id" = 1 AND "cycles"."state" <> 'draft';--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_thresholds_frozen" CHECK ("cycles"."state" = 'draft' OR ("cycles"."min_raters" IS NOT NULL AND "cycles"."min_commenters" IS NOT NULL AND "cycles"."min_raters" >= 3 AND "cycles"."min_commenters" >= "cycles"."min_raters"));--> statement-breakpoint

ALTER TABLE "invitations" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "password_link_by" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "previous_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_password_link_by_people_id_fk" FOREIGN KEY ("password_link_by") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_password_link_by_idx" ON "people" USING btree ("password_link_by");--> statement-breakpoint

-- The cycle rules of 0001, plus: once open, a cycle's thresholds may only go up, and the
-- fingerprint of its seal key, once recorded, never changes.
CREATE OR REPLACE FUNCTION cycles_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.state <> 'draft' THEN
      RAISE EXCEPTION 'a new cycle must start as a draft' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION 'only a draft cycle can be deleted' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.state IS DISTINCT FROM OLD.state
     AND NOT ((OLD.state = 'draft' AND NEW.state = 'open') OR (OLD.state = 'open' AND NEW.state = 'closed')) THEN
    RAISE EXCEPTION 'a cycle cannot move from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'draft'
     AND (NEW.name, NEW.opens_on, NEW.closes_on, NEW.opened_at) IS DISTINCT FROM (OLD.name, OLD.opens_on, OLD.closes_on, OLD.opened_at) THEN
    RAISE EXCEPTION 'a cycle can only be edited while it is a draft' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state = 'closed' AND NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
    RAISE EXCEPTION 'a closed cycle cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.state <> 'draft' AND (NEW.min_raters < OLD.min_raters OR NEW.min_commenters < OLD.min_commenters) THEN
    RAISE EXCEPTION 'a cycle''s thresholds can be raised, never lowered' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.seal_key_fingerprint IS NOT NULL AND NEW.seal_key_fingerprint IS DISTINCT FROM OLD.seal_key_fingerprint THEN
    RAISE EXCEPTION 'a cycle''s seal key cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint

-- Teams that end below k keep their count and no answers: respondents now come from
-- participation, which is kept for every team.
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
