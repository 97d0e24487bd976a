ALTER TABLE `documents` ADD `copied_from` text REFERENCES documents(id);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_copy_idx` ON `documents` (`space_id`,`copied_from`);