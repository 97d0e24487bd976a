CREATE TABLE "argument_revisions" (
	"argument_id" text NOT NULL,
	"revision" integer NOT NULL,
	"body" text NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "argument_revisions_argument_id_revision_pk" PRIMARY KEY("argument_id","revision")
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"argument_id" text NOT NULL,
	"position" integer NOT NULL,
	"document_id" text NOT NULL,
	"version_id" text NOT NULL,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	CONSTRAINT "citations_argument_id_position_pk" PRIMARY KEY("argument_id","position")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"argument_id" text NOT NULL,
	"user_id" text NOT NULL,
	"score" integer NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_argument_id_user_id_pk" PRIMARY KEY("argument_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"motion_id" text NOT NULL,
	"user_id" text NOT NULL,
	"phase" text NOT NULL,
	"stance" text NOT NULL,
	"cast_at" timestamp with time zone NOT NULL,
	CONSTRAINT "votes_motion_id_user_id_phase_pk" PRIMARY KEY("motion_id","user_id","phase")
);
--> statement-breakpoint
ALTER TABLE "arguments" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "argument_revisions" ADD CONSTRAINT "argument_revisions_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citations_document_idx" ON "citations" USING btree ("document_id");