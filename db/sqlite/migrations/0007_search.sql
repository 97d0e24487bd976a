-- Full-text search (FTS5) over arguments' bodies and documents' blocks, kept in step by triggers.
-- search_text keeps its own copy of each text (snippet() reads it) under a rowid from
-- search_keys, an INTEGER PRIMARY KEY that VACUUM never renumbers (an external-content table on
-- arguments or blocks would hang on their implicit rowids, which VACUUM may change).
CREATE TABLE `search_keys` (
	`id` integer PRIMARY KEY,
	`argument_id` text UNIQUE,
	`version_id` text,
	`position` integer,
	UNIQUE (`version_id`, `position`)
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_text` USING fts5(`body`, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `arguments_search_insert` AFTER INSERT ON `arguments` BEGIN
	INSERT INTO `search_keys` (`argument_id`) VALUES (new.`id`);
	INSERT INTO `search_text` (`rowid`, `body`)
		SELECT `id`, new.`body` FROM `search_keys` WHERE `argument_id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `arguments_search_update` AFTER UPDATE OF `body` ON `arguments` BEGIN
	UPDATE `search_text` SET `body` = new.`body`
		WHERE `rowid` = (SELECT `id` FROM `search_keys` WHERE `argument_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `arguments_search_delete` AFTER DELETE ON `arguments` BEGIN
	DELETE FROM `search_text`
		WHERE `rowid` = (SELECT `id` FROM `search_keys` WHERE `argument_id` = old.`id`);
	DELETE FROM `search_keys` WHERE `argument_id` = old.`id`;
END;
--> statement-breakpoint
-- A block's text is its slice of its version's canonical text (substr counts from 1).
CREATE TRIGGER `blocks_search_insert` AFTER INSERT ON `blocks` BEGIN
	INSERT INTO `search_keys` (`version_id`, `position`) VALUES (new.`version_id`, new.`position`);
	INSERT INTO `search_text` (`rowid`, `body`)
		SELECT `k`.`id`, substr(`v`.`text`, new.`start` + 1, new.`end` - new.`start`)
		FROM `search_keys` `k`, `document_versions` `v`
		WHERE `k`.`version_id` = new.`version_id` AND `k`.`position` = new.`position`
			AND `v`.`id` = new.`version_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `blocks_search_update` AFTER UPDATE OF `start`, `end` ON `blocks` BEGIN
	UPDATE `search_text`
		SET `body` = (SELECT substr(`v`.`text`, new.`start` + 1, new.`end` - new.`start`)
			FROM `document_versions` `v` WHERE `v`.`id` = new.`version_id`)
		WHERE `rowid` = (SELECT `id` FROM `search_keys`
			WHERE `version_id` = new.`version_id` AND `position` = new.`position`);
END;
--> statement-breakpoint
CREATE TRIGGER `blocks_search_delete` AFTER DELETE ON `blocks` BEGIN
	DELETE FROM `search_text` WHERE `rowid` = (SELECT `id` FROM `search_keys`
		WHERE `version_id` = old.`version_id` AND `position` = old.`position`);
	DELETE FROM `search_keys` WHERE `version_id` = old.`version_id` AND `position` = old.`position`;
END;
--> statement-breakpoint
INSERT INTO `search_keys` (`argument_id`) SELECT `id` FROM `arguments`;
--> statement-breakpoint
INSERT INTO `search_keys` (`version_id`, `position`) SELECT `version_id`, `position` FROM `blocks`;
--> statement-breakpoint
INSERT INTO `search_text` (`rowid`, `body`)
	SELECT `k`.`id`, `a`.`body` FROM `search_keys` `k` JOIN `arguments` `a` ON `a`.`id` = `k`.`argument_id`;
--> statement-breakpoint
INSERT INTO `search_text` (`rowid`, `body`)
	SELECT `k`.`id`, substr(`v`.`text`, `b`.`start` + 1, `b`.`end` - `b`.`start`)
	FROM `search_keys` `k`
	JOIN `blocks` `b` ON `b`.`version_id` = `k`.`version_id` AND `b`.`position` = `k`.`position`
	JOIN `document_versions` `v` ON `v`.`id` = `b`.`version_id`;
