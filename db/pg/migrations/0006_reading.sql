CREATE TABLE "follows" (
	"user_id" text NOT NULL,
	"motion_id" text NOT NULL,
	"state" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follows_user_id_motion_id_pk" PRIMARY KEY("user_id","motion_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"motion_id" text NOT NULL,
	"argument_id" text,
	"actor_id" text,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "read_states" (
	"user_id" text NOT NULL,
	"motion_id" text NOT NULL,
	"last_seq" integer NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "read_states_user_id_motion_id_pk" PRIMARY KEY("user_id","motion_id")
);
--> statement-breakpoint
ALTER TABLE "arguments" ADD COLUMN "published_seq" integer;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "read_states" ADD CONSTRAINT "read_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "read_states" ADD CONSTRAINT "read_states_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("motion_id","seq");--> statement-breakpoint
UPDATE "arguments" AS "a" SET "published_seq" = (SELECT max("e"."seq") FROM "events" AS "e" WHERE "e"."motion_id" = "a"."motion_id" AND "e"."type" IN ('argument.posted', 'argument.approved') AND "e"."data"->'argument'->>'id' = "a"."id") WHERE "a"."status" = 'published';
