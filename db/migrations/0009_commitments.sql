-- Commitments: what a manager will practise after a closed cycle's report (db/schema.ts).

CREATE TYPE "public"."direction" AS ENUM('more_managing', 'more_leading', 'build_both');--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"manager_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"aspect" "aspect" NOT NULL,
	"direction" "direction" NOT NULL,
	"action_id" text,
	"custom_text" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"frozen_in_cycle_id" uuid,
	CONSTRAINT "commitments_position_range" CHECK ("commitments"."position" BETWEEN 1 AND 3),
	CONSTRAINT "commitments_one_source" CHECK (("commitments"."action_id" IS NULL) <> ("commitments"."custom_text" IS NULL)),
	CONSTRAINT "commitments_custom_text" CHECK ("commitments"."custom_text" IS NULL OR (char_length("commitments"."custom_text") BETWEEN 1 AND 280 AND "commitments"."custom_text" = btrim("commitments"."custom_text") AND "commitments"."custom_text" !~ '[[:cntrl:]]')),
	CONSTRAINT "commitments_action_id_placement" CHECK (action_id IS NULL OR (action_id ~ '^[a-z]+\.[a-z]+\.[a-z0-9-]+$' AND split_part(action_id, '.', 1) = CASE aspect WHEN 'focus' THEN 'focus' WHEN 'decision_making' THEN 'decision' WHEN 'motivation' THEN 'motivation' WHEN 'communication' THEN 'communication' WHEN 'adaptability' THEN 'adaptability' WHEN 'conflict_resolution' THEN 'conflict' WHEN 'development' THEN 'development' END AND split_part(action_id, '.', 2) = CASE direction WHEN 'more_managing' THEN 'managing' WHEN 'more_leading' THEN 'leading' WHEN 'build_both' THEN 'both' END)),
	CONSTRAINT "commitments_frozen_by_another_cycle" CHECK ("commitments"."frozen_in_cycle_id" IS DISTINCT FROM "commitments"."cycle_id")
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_frozen_in_cycle_id_cycles_id_fk" FOREIGN KEY ("frozen_in_cycle_id") REFERENCES "public"."cycles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_manager_cycle_position_key" ON "commitments" USING btree ("manager_id","cycle_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_manager_cycle_action_key" ON "commitments" USING btree ("manager_id","cycle_id","action_id") WHERE "commitments"."action_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "commitments_cycle_idx" ON "commitments" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "commitments_frozen_in_cycle_idx" ON "commitments" USING btree ("frozen_in_cycle_id");
--> statement-breakpoint

-- Rules that hold whatever code touches the table. A commitment answers the report of a
-- closed cycle. The manager may change it until another cycle opens: opening a cycle
-- freezes every commitment not yet frozen (server/internal/commitments.ts), and a frozen
-- commitment never changes and is never deleted. An unfrozen row for a report that
-- another cycle has opened since is refused, as is a freeze by a cycle that opened before
-- the report was out. "Since" compares the app's own timestamps (opened_at, closed_at), never
-- the database's clock.
CREATE FUNCTION commitments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_closed_at timestamptz;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.frozen_in_cycle_id IS NOT NULL THEN
    RAISE EXCEPTION 'a frozen commitment cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT c.closed_at INTO v_closed_at FROM cycles c WHERE c.id = NEW.cycle_id AND c.state = 'closed';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'a commitment answers the report of a closed cycle' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.frozen_in_cycle_id IS NULL THEN
    IF EXISTS (SELECT 1 FROM cycles o WHERE o.id <> NEW.cycle_id AND o.opened_at >= v_closed_at) THEN
      RAISE EXCEPTION 'a cycle has opened since this report: its commitments are frozen' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM cycles o WHERE o.id = NEW.frozen_in_cycle_id AND o.opened_at >= v_closed_at) THEN
    RAISE EXCEPTION 'a commitment is frozen by a cycle that opened after its report' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER commitments_guard BEFORE INSERT OR UPDATE OR DELETE ON commitments
  FOR EACH ROW EXECUTE FUNCTION commitments_guard();
--> statement-breakpoint
-- TRUNCATE skips row triggers: it is refused while any commitment is frozen.
CREATE FUNCTION commitments_keep_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM commitments WHERE frozen_in_cycle_id IS NOT NULL) THEN
    RAISE EXCEPTION 'a frozen commitment cannot be deleted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER commitments_keep_frozen BEFORE TRUNCATE ON commitments
  FOR EACH STATEMENT EXECUTE FUNCTION commitments_keep_frozen();
