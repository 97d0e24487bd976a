ALTER TABLE "citations" ADD COLUMN "anchor_status" text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "anchor_confidence" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "anchor_version_id" text;--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "anchor_start" integer;--> statement-breakpoint
ALTER TABLE "citations" ADD COLUMN "anchor_end" integer;--> statement-breakpoint
ALTER TABLE "motion_sources" ADD COLUMN "anchor_status" text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE "motion_sources" ADD COLUMN "anchor_confidence" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "motion_sources" ADD COLUMN "anchor_version_id" text;--> statement-breakpoint
ALTER TABLE "motion_sources" ADD COLUMN "anchor_start" integer;--> statement-breakpoint
ALTER TABLE "motion_sources" ADD COLUMN "anchor_end" integer;--> statement-breakpoint
UPDATE "citations" SET "anchor_version_id" = "version_id", "anchor_start" = "start", "anchor_end" = "end";--> statement-breakpoint
UPDATE "motion_sources" SET "anchor_version_id" = "version_id", "anchor_start" = "start", "anchor_end" = "end";
