CREATE TABLE `story_anchors` (
	`key` text NOT NULL,
	`published_at` integer NOT NULL,
	`item_id` text NOT NULL,
	`grp` text NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`key`, `published_at`, `item_id`)
);
--> statement-breakpoint
CREATE TABLE `storylines` (
	`id` text PRIMARY KEY NOT NULL,
	`merged_into` text,
	`first_published_at` integer NOT NULL,
	`last_published_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `clusters` ADD `text_item_id` text;--> statement-breakpoint
ALTER TABLE `clusters` ADD `storyline_id` text;--> statement-breakpoint
ALTER TABLE `clusters` ADD `storyline_why` text;--> statement-breakpoint
CREATE INDEX `clusters_storyline_idx` ON `clusters` (`storyline_id`);