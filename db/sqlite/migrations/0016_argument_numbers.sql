-- A post numbers its author from their other arguments in the motion, or after the motion's
-- highest number: with these two indexes each is a lookup, not a read of every argument of a
-- big debate.
CREATE INDEX `arguments_motion_author_idx` ON `arguments` (`motion_id`,`author_id`);--> statement-breakpoint
CREATE INDEX `arguments_motion_pseudonym_idx` ON `arguments` (`motion_id`,`pseudonym`);
