DROP INDEX "commitments_frozen_in_cycle_idx";--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "tree_order" integer;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "teams_below" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_team_summaries_tree_order_idx" ON "cycle_team_summaries" USING btree ("cycle_id","tree_order");--> statement-breakpoint
CREATE INDEX "commitments_frozen_in_cycle_idx" ON "commitments" USING btree ("frozen_in_cycle_id","manager_id");--> statement-breakpoint
-- Teams scored before their places were kept: cleared, so that the page scores them again, places and all, when it first reads them (server/dal/teams.ts).
UPDATE "cycle_team_summaries" SET "scores" = NULL, "subtree_pool" = NULL, "scored_with_k" = NULL, "scoring_version" = NULL WHERE "scored_with_k" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_tree_order" CHECK (("cycle_team_summaries"."tree_order" IS NULL) = ("cycle_team_summaries"."scored_with_k" IS NULL) AND ("cycle_team_summaries"."teams_below" IS NULL) = ("cycle_team_summaries"."scored_with_k" IS NULL)
        AND "cycle_team_summaries"."tree_order" >= 0 AND "cycle_team_summaries"."teams_below" >= 0);