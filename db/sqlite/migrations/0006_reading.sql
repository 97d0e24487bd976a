CREATE TABLE `follows` (
	`user_id` text NOT NULL,
	`motion_id` text NOT NULL,
	`state` text NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `motion_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`motion_id` text NOT NULL,
	`argument_id` text,
	`actor_id` text,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `notifications_event_idx` ON `notifications` (`motion_id`,`seq`);--> statement-breakpoint
CREATE TABLE `read_states` (
	`user_id` text NOT NULL,
	`motion_id` text NOT NULL,
	`last_seq` integer NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `motion_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `arguments` ADD `published_seq` integer;--> statement-breakpoint
UPDATE `arguments` SET `published_seq` = (SELECT max(`e`.`seq`) FROM `events` `e` WHERE `e`.`motion_id` = `arguments`.`motion_id` AND `e`.`type` IN ('argument.posted', 'argument.approved') AND json_extract(`e`.`data`, '$.argument.id') = `arguments`.`id`) WHERE `status` = 'published';
