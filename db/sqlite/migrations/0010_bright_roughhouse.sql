CREATE TABLE `agreements` (
	`argument_id` text NOT NULL,
	`user_id` text NOT NULL,
	`stance` text NOT NULL,
	`judged_at` integer NOT NULL,
	PRIMARY KEY(`argument_id`, `user_id`),
	FOREIGN KEY (`argument_id`) REFERENCES `arguments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
