ALTER TABLE "motions" ADD COLUMN "pinned" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "spotlight_id" text;