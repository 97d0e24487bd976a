CREATE TABLE "grade_marks" (
	"motion_id" text NOT NULL,
	"user_id" text NOT NULL,
	"mark" integer,
	"comment" text NOT NULL,
	"marked_by" text NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grade_marks_motion_id_user_id_pk" PRIMARY KEY("motion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"motion_id" text PRIMARY KEY NOT NULL,
	"posting_weight" integer NOT NULL,
	"evidence_weight" integer NOT NULL,
	"engagement_weight" integer NOT NULL,
	"mark_weight" integer NOT NULL,
	"posts_cap" integer NOT NULL,
	"passages_cap" integer NOT NULL,
	"answers_cap" integer NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grade_marks" ADD CONSTRAINT "grade_marks_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_marks" ADD CONSTRAINT "grade_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;