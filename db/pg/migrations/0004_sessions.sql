ALTER TABLE "arguments" ADD COLUMN "pseudonym" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "arguments" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "muted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "session" jsonb DEFAULT '{"phase":null,"clock":"waiting","endsAt":null,"remainingMs":null,"sides":{}}'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "arguments" SET "pseudonym" = 1 + (SELECT count(DISTINCT "a2"."author_id") FROM "arguments" "a2" WHERE "a2"."motion_id" = "arguments"."motion_id" AND "a2"."author_id" < "arguments"."author_id");
