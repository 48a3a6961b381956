CREATE TABLE `clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`canonical_item_id` text,
	`size` integer DEFAULT 0 NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`source_id` text DEFAULT '' NOT NULL,
	`published_at` integer DEFAULT 0 NOT NULL,
	`kind` text DEFAULT 'news' NOT NULL,
	`coins` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`sort_key` integer NOT NULL,
	`first_published_at` integer NOT NULL,
	`last_published_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`merged_into` text,
	`canonical_reason` text
);
--> statement-breakpoint
CREATE INDEX `clusters_sort_idx` ON `clusters` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `clusters_updated_idx` ON `clusters` (`updated_at`);--> statement-breakpoint
CREATE INDEX `clusters_merged_idx` ON `clusters` (`merged_into`);--> statement-breakpoint
CREATE INDEX `clusters_kind_idx` ON `clusters` (`kind`);--> statement-breakpoint
CREATE TABLE `fetch_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`at` integer NOT NULL,
	`ok` integer NOT NULL,
	`status` integer,
	`code` text,
	`message` text NOT NULL,
	`items_seen` integer DEFAULT 0 NOT NULL,
	`items_new` integer DEFAULT 0 NOT NULL,
	`ms` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fetch_log_source_at_idx` ON `fetch_log` (`source_id`,`at`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`url` text NOT NULL,
	`guid` text,
	`title` text NOT NULL,
	`author` text,
	`published_at` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	`summary` text,
	`feed_content` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`text_source` text,
	`raw_text` text,
	`text` text,
	`removed` text,
	`coins` text,
	`coin_list` text DEFAULT '' NOT NULL,
	`clean_summary` text DEFAULT '' NOT NULL,
	`kind` text,
	`kind_reasons` text,
	`fingerprint` text,
	`cluster_id` text,
	`similarity_permille` integer,
	`placement` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `items_cluster_idx` ON `items` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `items_source_published_idx` ON `items` (`source_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `items_published_idx` ON `items` (`published_at`);--> statement-breakpoint
CREATE INDEX `items_status_idx` ON `items` (`status`);--> statement-breakpoint
CREATE TABLE `lsh_bands` (
	`key` text NOT NULL,
	`item_id` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`key`, `published_at`, `item_id`)
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`homepage` text NOT NULL,
	`feed_url` text NOT NULL,
	`tier` text NOT NULL,
	`full_text` integer DEFAULT false NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_fetch_at` integer,
	`last_success_at` integer,
	`last_error_at` integer,
	`last_error` text,
	`last_error_code` text,
	`last_status` integer,
	`last_message` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`items_seen` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `term_stats` (
	`term` text PRIMARY KEY NOT NULL,
	`df` real NOT NULL,
	`updated_at` integer NOT NULL
);
