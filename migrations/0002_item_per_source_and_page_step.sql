ALTER TABLE `items` ADD `page_status` text DEFAULT 'not_needed' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `items_source_url_idx` ON `items` (`source_id`,`url`);--> statement-breakpoint
CREATE INDEX `items_source_page_idx` ON `items` (`source_id`,`page_status`,`published_at`);--> statement-breakpoint
ALTER TABLE `sources` ADD `entries_deferred` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `pages_deferred` integer DEFAULT 0 NOT NULL;