ALTER TABLE `motions` ADD `pinned` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `motions` ADD `spotlight_id` text;