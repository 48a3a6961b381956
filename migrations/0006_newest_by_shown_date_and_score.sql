ALTER TABLE `clusters` ADD `score` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `clusters` ADD `score_reasons` text;--> statement-breakpoint
CREATE INDEX `clusters_published_idx` ON `clusters` (`published_at`,`id`);