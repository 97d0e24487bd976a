DROP INDEX "citations_document_idx";--> statement-breakpoint
CREATE INDEX "citations_document_state_idx" ON "citations" USING btree ("document_id","anchor_status","argument_id","position");