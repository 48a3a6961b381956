/** What the database holds, table by table: rows, and bytes where SQLite's dbstat table is readable. */

export interface TableStorage {
  table: string;
  rows: number;
  bytes: number | null; // pages of the table and its indexes (null: this database does not expose dbstat)
}

export interface StorageReport {
  tables: TableStorage[];
  totalBytes: number | null; // the whole file: page_count x page_size, or the sum of the tables
}

export async function storageReport(d1: D1Database): Promise<StorageReport> {
  const names = (await d1.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations' ORDER BY name`).all<{ name: string }>()).results.map((r) => r.name);
  const counts = await d1.batch(names.map((n) => d1.prepare(`SELECT count(*) AS n FROM "${n}"`)));
  const bytes = new Map<string, number>();
  let readable = true;
  try {
    // dbstat names each b-tree: a table's own and each of its indexes (attributed to the table through sqlite_master)
    const rows = await d1
      .prepare(`SELECT m.tbl_name AS t, sum(s.pgsize) AS b FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name`)
      .all<{ t: string; b: number }>();
    for (const r of rows.results) bytes.set(r.t, r.b);
  } catch {
    readable = false;
  }
  const tables = names.map((table, i) => ({
    table,
    rows: (counts[i].results[0] as { n: number }).n,
    bytes: readable ? (bytes.get(table) ?? 0) : null,
  }));
  let totalBytes: number | null = readable ? tables.reduce((s, t) => s + (t.bytes ?? 0), 0) : null;
  try {
    const pages = await d1.prepare(`SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()`).first<{ b: number }>();
    if (pages?.b) totalBytes = pages.b;
  } catch {
    // not every D1 allows these pragmas: the sum of the tables stands
  }
  return { tables: tables.sort((a, b) => (b.bytes ?? b.rows) - (a.bytes ?? a.rows)), totalBytes };
}
