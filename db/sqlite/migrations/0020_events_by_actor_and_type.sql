CREATE INDEX `events_motion_actor_idx` ON `events` (`motion_id`,`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `events_motion_type_idx` ON `events` (`motion_id`,`type`,`seq`);