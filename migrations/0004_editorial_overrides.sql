CREATE TABLE `override_items` (
	`override_id` text NOT NULL,
	`role` text NOT NULL,
	`item_id` text NOT NULL,
	`source_id` text NOT NULL,
	`url` text NOT NULL,
	PRIMARY KEY(`override_id`, `role`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `override_items_item_idx` ON `override_items` (`item_id`);--> statement-breakpoint
CREATE TABLE `overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`story_id` text NOT NULL,
	`into_id` text,
	`item_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `overrides_created_idx` ON `overrides` (`created_at`);--> statement-breakpoint
ALTER TABLE `clusters` ADD `hidden` integer DEFAULT false NOT NULL;