ALTER TABLE `arguments` ADD `pseudonym` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `arguments` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `memberships` ADD `muted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `motions` ADD `session` text DEFAULT '{"phase":null,"clock":"waiting","endsAt":null,"remainingMs":null,"sides":{}}' NOT NULL;--> statement-breakpoint
UPDATE `arguments` SET `pseudonym` = 1 + (SELECT count(DISTINCT `a2`.`author_id`) FROM `arguments` `a2` WHERE `a2`.`motion_id` = `arguments`.`motion_id` AND `a2`.`author_id` < `arguments`.`author_id`);
