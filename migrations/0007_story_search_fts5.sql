-- Search (q=) over every item's title and cleaned text: an FTS5 index drizzle cannot express, so written by hand.
-- External content: the words live in items; the index holds only the postings, keyed by items.rowid. Triggers keep
-- it in step with every write of a title or a text (placement writes the cleaned text), so no code path can forget it.
-- A story matches when any of its members does; it ranks by its best member (src/db/queries/search.ts).
CREATE VIRTUAL TABLE `item_search` USING fts5(
	title,
	text,
	content='items',
	content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `item_search_insert` AFTER INSERT ON `items` BEGIN
	INSERT INTO `item_search`(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `item_search_delete` AFTER DELETE ON `items` BEGIN
	INSERT INTO `item_search`(`item_search`, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `item_search_update` AFTER UPDATE OF title, text ON `items` BEGIN
	INSERT INTO `item_search`(`item_search`, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
	INSERT INTO `item_search`(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
--> statement-breakpoint
-- the items already stored
INSERT INTO `item_search`(`item_search`) VALUES ('rebuild');
