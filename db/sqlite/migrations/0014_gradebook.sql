CREATE TABLE `grade_marks` (
	`motion_id` text NOT NULL,
	`user_id` text NOT NULL,
	`mark` integer,
	`comment` text NOT NULL,
	`marked_by` text NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `user_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rubrics` (
	`motion_id` text PRIMARY KEY NOT NULL,
	`posting_weight` integer NOT NULL,
	`evidence_weight` integer NOT NULL,
	`engagement_weight` integer NOT NULL,
	`mark_weight` integer NOT NULL,
	`posts_cap` integer NOT NULL,
	`passages_cap` integer NOT NULL,
	`answers_cap` integer NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action
);
