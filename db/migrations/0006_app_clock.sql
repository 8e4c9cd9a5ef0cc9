-- The app's clock (lib/clock.ts) gives every timestamp and date: the database's own now()
-- and CURRENT_DATE no longer fill any column, so a row written without one fails loudly.
ALTER TABLE "audit_events" ALTER COLUMN "occurred_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "cycles" ALTER COLUMN "created_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "created_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "login_failures" ALTER COLUMN "failed_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "participations" ALTER COLUMN "submitted_on" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "created_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "self_assessments" ALTER COLUMN "submitted_on" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "settings" ALTER COLUMN "updated_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "team_situations" ALTER COLUMN "changed_at" DROP DEFAULT;