CREATE TABLE `argument_revisions` (
	`argument_id` text NOT NULL,
	`revision` integer NOT NULL,
	`body` text NOT NULL,
	`replaced_at` integer NOT NULL,
	PRIMARY KEY(`argument_id`, `revision`),
	FOREIGN KEY (`argument_id`) REFERENCES `arguments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `citations` (
	`argument_id` text NOT NULL,
	`position` integer NOT NULL,
	`document_id` text NOT NULL,
	`version_id` text NOT NULL,
	`exact` text NOT NULL,
	`prefix` text NOT NULL,
	`suffix` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	PRIMARY KEY(`argument_id`, `position`),
	FOREIGN KEY (`argument_id`) REFERENCES `arguments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `document_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citations_document_idx` ON `citations` (`document_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`argument_id` text NOT NULL,
	`user_id` text NOT NULL,
	`score` integer NOT NULL,
	`rated_at` integer NOT NULL,
	PRIMARY KEY(`argument_id`, `user_id`),
	FOREIGN KEY (`argument_id`) REFERENCES `arguments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`motion_id` text NOT NULL,
	`user_id` text NOT NULL,
	`phase` text NOT NULL,
	`stance` text NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `user_id`, `phase`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `arguments` ADD `edited_at` integer;