CREATE TABLE `outlet_passages` (
	`source_id` text NOT NULL,
	`key` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`source_id`, `key`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `outlet_passages_seq_idx` ON `outlet_passages` (`source_id`,`seq`);--> statement-breakpoint
ALTER TABLE `sources` ADD `passage_seq` integer DEFAULT 0 NOT NULL;