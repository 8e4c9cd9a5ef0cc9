-- Follow-through (issue 19): the next cycle's survey asks each rep whether they saw their
-- manager practise each committed action (db/schema.ts follow_through_answers), sealed with
-- the other answers in a second layout (lib/survey/sealed-answers.ts, format 2). A cycle
-- keeps the layout it opened with: those open or closed before this migration sealed in
-- format 1, so that every sealed row of one cycle keeps one length.

ALTER TABLE "cycles" ADD COLUMN "sealed_format" smallint;--> statement-breakpoint
UPDATE "cycles" SET "sealed_format" = 1 WHERE "state" <> 'draft';--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_sealed_format" CHECK (("cycles"."state" = 'draft' OR "cycles"."sealed_format" IS NOT NULL) AND ("cycles"."sealed_format" IS NULL OR "cycles"."sealed_format" IN (1, 2)));--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_id_frozen_manager_key" ON "commitments" USING btree ("id","frozen_in_cycle_id","manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_id_cycle_manager_key" ON "responses" USING btree ("id","cycle_id","manager_id");--> statement-breakpoint
CREATE TABLE "follow_through_answers" (
	"response_id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"rating" smallint,
	CONSTRAINT "follow_through_answers_response_id_commitment_id_pk" PRIMARY KEY("response_id","commitment_id"),
	CONSTRAINT "follow_through_answers_rating_range" CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "follow_through_answers" ADD CONSTRAINT "follow_through_answers_response_fk" FOREIGN KEY ("response_id","cycle_id","manager_id") REFERENCES "public"."responses"("id","cycle_id","manager_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_through_answers" ADD CONSTRAINT "follow_through_answers_commitment_fk" FOREIGN KEY ("commitment_id","cycle_id","manager_id") REFERENCES "public"."commitments"("id","frozen_in_cycle_id","manager_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_through_answers_commitment_idx" ON "follow_through_answers" USING btree ("commitment_id","cycle_id","manager_id");
