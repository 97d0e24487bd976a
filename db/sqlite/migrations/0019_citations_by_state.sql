DROP INDEX `citations_document_idx`;--> statement-breakpoint
CREATE INDEX `citations_document_state_idx` ON `citations` (`document_id`,`anchor_status`,`argument_id`,`position`);