-- The email outbox (issue 20, db/schema.ts email_messages), and the audit actions of deleting a
-- draft, adding one person and sending reminders. The audit log loses its foreign key to
-- cycles: a draft can now be deleted (only a draft: the cycles guard refuses any other), and
-- the log, which is append-only, keeps the entries about it.

CREATE TYPE "public"."email_kind" AS ENUM('invitation', 'reminder', 'report_ready');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'unknown');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'cycle.delete';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'person.create';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'cycle.remind';--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "email_kind" NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"origin" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "email_messages_sent_at" CHECK (("email_messages"."status" = 'sent') = ("email_messages"."sent_at" IS NOT NULL)),
	CONSTRAINT "email_messages_lease" CHECK (("email_messages"."status" = 'sending') = ("email_messages"."lease_until" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_dedupe_key" ON "email_messages" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "email_messages_due_idx" ON "email_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_messages_cycle_idx" ON "email_messages" USING btree ("cycle_id","kind");--> statement-breakpoint
CREATE INDEX "email_messages_person_idx" ON "email_messages" USING btree ("person_id","kind","created_at");--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_cycle_id_cycles_id_fk";
