ALTER TABLE "documents" ADD COLUMN "copied_from" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_copied_from_documents_id_fk" FOREIGN KEY ("copied_from") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_copy_idx" ON "documents" USING btree ("space_id","copied_from");