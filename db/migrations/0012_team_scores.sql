ALTER TABLE "cycle_team_summaries" ADD COLUMN "scores" double precision[];--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "subtree_pool" double precision[];--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "scored_with_k" smallint;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD COLUMN "scoring_version" smallint;--> statement-breakpoint
ALTER TABLE "cycle_team_summaries" ADD CONSTRAINT "cycle_team_summaries_scores" CHECK (("cycle_team_summaries"."scored_with_k" IS NULL) = ("cycle_team_summaries"."scoring_version" IS NULL) AND "cycle_team_summaries"."scored_with_k" >= 3
        AND ("cycle_team_summaries"."scores" IS NULL OR ("cycle_team_summaries"."scored_with_k" IS NOT NULL AND cardinality("cycle_team_summaries"."scores") = 26))
        AND ("cycle_team_summaries"."subtree_pool" IS NULL) = ("cycle_team_summaries"."scored_with_k" IS NULL) AND cardinality("cycle_team_summaries"."subtree_pool") = 93);