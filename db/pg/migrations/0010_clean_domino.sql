CREATE TABLE "agreements" (
	"argument_id" text NOT NULL,
	"user_id" text NOT NULL,
	"stance" text NOT NULL,
	"judged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_argument_id_user_id_pk" PRIMARY KEY("argument_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;