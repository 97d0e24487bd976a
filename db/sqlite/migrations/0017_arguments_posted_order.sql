DROP INDEX `arguments_motion_idx`;--> statement-breakpoint
CREATE INDEX `arguments_motion_posted_idx` ON `arguments` (`motion_id`,`created_at`,`id`);