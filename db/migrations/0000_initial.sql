CREATE TYPE "public"."aspect" AS ENUM('focus', 'decision_making', 'motivation', 'communication', 'adaptability', 'conflict_resolution', 'development');--> statement-breakpoint
CREATE TYPE "public"."cycle_state" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."login_subject_kind" AS ENUM('account', 'ip');--> statement-breakpoint
CREATE TYPE "public"."situation" AS ENUM('clear_structure_needed', 'large_team', 'short_term_targets', 'regulated_industry', 'efficiency_priority', 'period_of_change', 'innovation_essential', 'competitive_market', 'long_term_growth', 'customer_relationships');--> statement-breakpoint
CREATE TABLE "cycle_assignments" (
	"cycle_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	CONSTRAINT "cycle_assignments_cycle_id_rater_id_manager_id_pk" PRIMARY KEY("cycle_id","rater_id","manager_id")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"state" "cycle_state" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_name_length" CHECK (char_length(btrim("cycles"."name")) BETWEEN 1 AND 120),
	CONSTRAINT "cycles_dates_ordered" CHECK ("cycles"."closes_on" > "cycles"."opens_on"),
	CONSTRAINT "cycles_opened_at_set" CHECK ("cycles"."state" = 'draft' OR "cycles"."opened_at" IS NOT NULL),
	CONSTRAINT "cycles_closed_at_set" CHECK ("cycles"."state" <> 'closed' OR "cycles"."closed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_kind" "login_subject_kind" NOT NULL,
	"subject" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"cycle_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"submitted_on" date DEFAULT CURRENT_DATE NOT NULL,
	CONSTRAINT "participations_cycle_id_rater_id_manager_id_pk" PRIMARY KEY("cycle_id","rater_id","manager_id"),
	CONSTRAINT "participations_not_self" CHECK ("participations"."rater_id" <> "participations"."manager_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"reports_to" uuid,
	"is_admin" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_email_normalised" CHECK ("people"."email" = lower(btrim("people"."email")) AND "people"."email" LIKE '%_@_%'),
	CONSTRAINT "people_name_length" CHECK (char_length(btrim("people"."name")) BETWEEN 1 AND 200),
	CONSTRAINT "people_not_own_manager" CHECK ("people"."reports_to" IS DISTINCT FROM "people"."id")
);
--> statement-breakpoint
CREATE TABLE "response_answers" (
	"response_id" uuid NOT NULL,
	"aspect" "aspect" NOT NULL,
	"management" smallint,
	"leadership" smallint,
	"need" smallint,
	CONSTRAINT "response_answers_response_id_aspect_pk" PRIMARY KEY("response_id","aspect"),
	CONSTRAINT "response_answers_management_range" CHECK (management IS NULL OR management BETWEEN 1 AND 5),
	CONSTRAINT "response_answers_leadership_range" CHECK (leadership IS NULL OR leadership BETWEEN 1 AND 5),
	CONSTRAINT "response_answers_need_range" CHECK (need IS NULL OR need BETWEEN -2 AND 2)
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"comment" text,
	CONSTRAINT "responses_comment_length" CHECK (comment IS NULL OR char_length(comment) BETWEEN 1 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "self_assessment_answers" (
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"aspect" "aspect" NOT NULL,
	"management" smallint,
	"leadership" smallint,
	CONSTRAINT "self_assessment_answers_cycle_id_manager_id_aspect_pk" PRIMARY KEY("cycle_id","manager_id","aspect"),
	CONSTRAINT "self_assessment_answers_management_range" CHECK (management IS NULL OR management BETWEEN 1 AND 5),
	CONSTRAINT "self_assessment_answers_leadership_range" CHECK (leadership IS NULL OR leadership BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"cycle_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"submitted_on" date DEFAULT CURRENT_DATE NOT NULL,
	CONSTRAINT "self_assessments_cycle_id_manager_id_pk" PRIMARY KEY("cycle_id","manager_id")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"min_raters" smallint DEFAULT 3 NOT NULL,
	"min_commenters" smallint DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "settings_single_row" CHECK ("settings"."id" = 1),
	CONSTRAINT "settings_min_raters" CHECK ("settings"."min_raters" >= 3),
	CONSTRAINT "settings_min_commenters" CHECK ("settings"."min_commenters" >= "settings"."min_raters")
);
--> statement-breakpoint
CREATE TABLE "team_situations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"manager_id" uuid NOT NULL,
	"situations" "situation"[] DEFAULT '{}' NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycle_assignments" ADD CONSTRAINT "cycle_assignments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_assignments" ADD CONSTRAINT "cycle_assignments_rater_id_people_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_assignments" ADD CONSTRAINT "cycle_assignments_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_assignment_fk" FOREIGN KEY ("cycle_id","rater_id","manager_id") REFERENCES "public"."cycle_assignments"("cycle_id","rater_id","manager_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_reports_to_people_id_fk" FOREIGN KEY ("reports_to") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_answers" ADD CONSTRAINT "response_answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_answers" ADD CONSTRAINT "self_assessment_answers_assessment_fk" FOREIGN KEY ("cycle_id","manager_id") REFERENCES "public"."self_assessments"("cycle_id","manager_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_situations" ADD CONSTRAINT "team_situations_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_situations" ADD CONSTRAINT "team_situations_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_assignments_manager_idx" ON "cycle_assignments" USING btree ("manager_id","cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_assignments_rater_idx" ON "cycle_assignments" USING btree ("rater_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_name_key" ON "cycles" USING btree ("name");--> statement-breakpoint
CREATE INDEX "cycles_state_idx" ON "cycles" USING btree ("state","closes_on");--> statement-breakpoint
CREATE INDEX "login_failures_subject_idx" ON "login_failures" USING btree ("subject_kind","subject","failed_at");--> statement-breakpoint
CREATE INDEX "participations_manager_idx" ON "participations" USING btree ("manager_id","cycle_id");--> statement-breakpoint
CREATE INDEX "participations_rater_idx" ON "participations" USING btree ("rater_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_key" ON "people" USING btree ("email");--> statement-breakpoint
CREATE INDEX "people_reports_to_idx" ON "people" USING btree ("reports_to");--> statement-breakpoint
CREATE INDEX "responses_cycle_manager_idx" ON "responses" USING btree ("cycle_id","manager_id");--> statement-breakpoint
CREATE INDEX "responses_manager_idx" ON "responses" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "self_assessments_manager_idx" ON "self_assessments" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "settings_updated_by_idx" ON "settings" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "team_situations_manager_idx" ON "team_situations" USING btree ("manager_id","changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "team_situations_changed_by_idx" ON "team_situations" USING btree ("changed_by");