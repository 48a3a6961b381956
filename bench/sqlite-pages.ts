/**
 * Bytes a table takes in an SQLite file, counted the way SQLite's dbstat counts them: every page of each b-tree (the
 * table's own and each of its indexes) and every overflow page its cells chain to. wrangler's local D1 (workerd) has
 * no dbstat and refuses PRAGMA page_count, so the capacity bench reads the database file itself once the Worker has
 * stopped, with the committed pages of its write-ahead log laid over it (workerd stops without a checkpoint). Layout
 * from SQLite's file format document (sqlite.org/fileformat.html, sections 1.3, 1.6, 2.1, 4.1 to 4.3).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface FilePages {
  pageSize: number; // bytes
  pages: number; // the file's size in pages
  freePages: number; // pages on the freelist: the file holds them, new rows reuse them
  /** bytes of every b-tree (and its overflow pages) by table name, indexes counted with their table */
  tables: Map<string, number>;
}

export async function countPages(file: string): Promise<FilePages> {
  const buf = await readFile(file);
  if (buf.toString('latin1', 0, 16) !== 'SQLite format 3\0') throw new Error(`${file} is not an SQLite database`);
  const raw = buf.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  const usable = pageSize - buf.readUInt8(20); // bytes a page holds, less the reserved space at its end
  const wal = existsSync(`${file}-wal`) ? committedFrames(await readFile(`${file}-wal`), pageSize) : { pages: new Map<number, Buffer>(), size: 0 };
  const page = (n: number) => wal.pages.get(n) ?? buf.subarray((n - 1) * pageSize, n * pageSize);
  const pages = wal.size || buf.readUInt32BE(28);
  const freePages = page(1).readUInt32BE(36);

  function varint(p: Buffer, at: number): [number, number] {
    let v = 0;
    for (let i = 0; i < 8; i++) {
      const b = p[at + i];
      v = v * 128 + (b & 0x7f);
      if (b < 0x80) return [v, at + i + 1];
    }
    return [v * 256 + p[at + 8], at + 9];
  }

  /** The bytes of a cell's payload kept on its own page (the rest goes to overflow pages). */
  function localBytes(payload: number, tableLeaf: boolean): number {
    const max = tableLeaf ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
    if (payload <= max) return payload;
    const min = Math.floor(((usable - 12) * 32) / 255) - 23;
    const k = min + ((payload - min) % (usable - 4));
    return k <= max ? k : min;
  }

  /** Visits every page of the b-tree rooted at `root`; `onPayload` receives each leaf cell's whole payload. */
  function walk(root: number, onPage: () => void, onPayload?: (payload: Buffer) => void): void {
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      const p = page(n);
      const h = n === 1 ? 100 : 0; // page 1 starts with the file header
      const type = p[h];
      const interior = type === 2 || type === 5;
      const cells = p.readUInt16BE(h + 3);
      onPage();
      if (interior) stack.push(p.readUInt32BE(h + 8));
      for (let i = 0; i < cells; i++) {
        let at = p.readUInt16BE(h + (interior ? 12 : 8) + 2 * i);
        if (interior) {
          stack.push(p.readUInt32BE(at));
          if (type === 5) continue; // a table's interior cell: child and rowid, no payload
          at += 4;
        }
        const [size, next] = varint(p, at);
        at = next;
        if (type === 13) at = varint(p, at)[1]; // the rowid
        const local = localBytes(size, type === 13);
        const parts = [p.subarray(at, at + local)];
        if (local < size) {
          let over = p.readUInt32BE(at + local);
          let left = size - local;
          while (over) {
            onPage();
            const o = page(over);
            if (onPayload) parts.push(o.subarray(4, 4 + Math.min(left, usable - 4)));
            left -= usable - 4;
            over = o.readUInt32BE(0);
          }
        }
        if (onPayload && !interior) onPayload(Buffer.concat(parts));
      }
    }
  }

  // sqlite_schema (page 1): type, name, tbl_name, rootpage, sql
  const trees: { table: string; root: number }[] = [{ table: 'sqlite_schema', root: 1 }];
  walk(
    1,
    () => {},
    (rec) => {
      const values = decodeRecord(rec, varint);
      const root = Number(values[3] ?? 0);
      if (root > 0) trees.push({ table: String(values[2]), root });
    },
  );
  const tables = new Map<string, number>();
  for (const t of trees) {
    let n = 0;
    walk(t.root, () => n++);
    tables.set(t.table, (tables.get(t.table) ?? 0) + n * pageSize);
  }
  return { pageSize, pages, freePages, tables };
}

function decodeRecord(rec: Buffer, varint: (p: Buffer, at: number) => [number, number]): (string | number | null)[] {
  const [headerSize, first] = varint(rec, 0);
  const types: number[] = [];
  for (let at = first; at < headerSize; ) {
    const [t, next] = varint(rec, at);
    types.push(t);
    at = next;
  }
  const INT_BYTES = [0, 1, 2, 3, 4, 6, 8];
  const out: (string | number | null)[] = [];
  let at = headerSize;
  for (const t of types) {
    if (t === 0) out.push(null);
    else if (t <= 6) {
      const n = INT_BYTES[t];
      out.push(n <= 6 ? rec.readIntBE(at, n) : Number(rec.readBigInt64BE(at)));
      at += n;
    } else if (t === 7) {
      out.push(rec.readDoubleBE(at));
      at += 8;
    } else if (t === 8 || t === 9) out.push(t - 8);
    else {
      const n = (t - (t % 2 ? 13 : 12)) / 2;
      out.push(rec.toString(t % 2 ? 'utf8' : 'latin1', at, at + n));
      at += n;
    }
  }
  return out;
}

/**
 * The pages a write-ahead log holds for the database: each page's newest frame up to the last commit whose salts and
 * running checksum are valid (frames after it belong to an unfinished transaction or to an older generation of the log).
 */
function committedFrames(wal: Buffer, pageSize: number): { pages: Map<number, Buffer>; size: number } {
  const pages = new Map<number, Buffer>();
  if (wal.length < 32) return { pages, size: 0 };
  const magic = wal.readUInt32BE(0);
  if ((magic & 0xfffffffe) !== 0x377f0682 || wal.readUInt32BE(8) !== pageSize) return { pages, size: 0 };
  const read = magic & 1 ? (b: Buffer, at: number) => b.readUInt32BE(at) : (b: Buffer, at: number) => b.readUInt32LE(at);
  let s0 = 0;
  let s1 = 0;
  const sum = (b: Buffer, from: number, to: number) => {
    for (let at = from; at < to; at += 8) {
      s0 = (s0 + read(b, at) + s1) >>> 0;
      s1 = (s1 + read(b, at + 4) + s0) >>> 0;
    }
  };
  sum(wal, 0, 24);
  if (s0 !== wal.readUInt32BE(24) || s1 !== wal.readUInt32BE(28)) return { pages, size: 0 };
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const pending = new Map<number, Buffer>();
  let size = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break;
    sum(wal, at, at + 8);
    sum(wal, at + 24, at + 24 + pageSize);
    if (s0 !== wal.readUInt32BE(at + 16) || s1 !== wal.readUInt32BE(at + 20)) break;
    pending.set(wal.readUInt32BE(at), wal.subarray(at + 24, at + 24 + pageSize));
    const commitSize = wal.readUInt32BE(at + 4); // the database's size in pages after a commit; 0 inside a transaction
    if (commitSize) {
      for (const [n, p] of pending) pages.set(n, p);
      pending.clear();
      size = commitSize;
    }
  }
  return { pages, size };
}
