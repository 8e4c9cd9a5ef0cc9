import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";

/**
 * What a database reader with file access sees: the bytes of relation files and WAL
 * segments, read through the server (pg_read_binary_file) after a CHECKPOINT has written
 * every dirty page out. Works on PostgreSQL as a superuser and on PGlite.
 */

/** Every table, TOAST table and index of the public schema, with the file that holds it. */
export async function relationFiles(db: Database) {
  await db.execute(sql`CHECKPOINT`);
  return selectUncheckedRows<{ relation: string; path: string }>(
    db,
    sql`SELECT c.relname AS relation, pg_relation_filepath(c.oid) AS path
      FROM pg_class c
      WHERE c.relkind IN ('r', 't', 'i')
        AND pg_relation_filepath(c.oid) IS NOT NULL
        AND (c.relnamespace = 'public'::regnamespace
          OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace))`,
  );
}

/** A file of the data directory, whole; empty when it does not exist (a relation never written). */
export async function readFile(db: Database, path: string): Promise<Buffer> {
  const [row] = await selectUncheckedRows<{ bytes: Uint8Array | null }>(
    db,
    sql`SELECT pg_read_binary_file(${path}, 0, coalesce((pg_stat_file(${path}, true)).size, 0), true) AS bytes`,
  );
  return row?.bytes ? Buffer.from(row.bytes) : Buffer.alloc(0);
}

/** Where `needle` occurs in `haystack`. */
export function offsetsOf(haystack: Buffer, needle: string | Buffer): number[] {
  const offsets: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}

/** A transaction id as a heap tuple header stores it (t_xmin): 4 bytes, little-endian. */
export function xidBytes(xid: string): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(Number(xid));
  return bytes;
}

/**
 * How far before a column's value its row's header can start: the 23-byte header, the null
 * bitmap and alignment, then the columns before it (uuids, at most a few). A transaction id
 * stored as a row's xmin within this distance of a value is "next to" it.
 */
export const ROW_HEADER_REACH = 160;

/** Whether any of `xids` is stored in the bytes just before an occurrence of `marker`. */
export function markerNextTo(file: Buffer, marker: string, xids: readonly string[]): boolean {
  return offsetsOf(file, marker).some((at) => {
    const before = file.subarray(Math.max(0, at - ROW_HEADER_REACH), at);
    return xids.some((xid) => before.includes(xidBytes(xid)));
  });
}

/** The relations whose files hold `marker` anywhere. */
export async function relationsHolding(db: Database, marker: string): Promise<string[]> {
  const holding: string[] = [];
  for (const { relation, path } of await relationFiles(db)) if ((await readFile(db, path)).includes(marker)) holding.push(relation);
  return holding;
}

/** PostgreSQL only: the WAL segment being written now. */
export async function currentWalSegment(db: Database): Promise<string> {
  const [row] = await selectUncheckedRows<{ segment: string }>(db, sql`SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment`);
  return row!.segment;
}

/** PostgreSQL only: the bytes of every WAL segment from `first` to `last`, as written so far. */
export async function walBetween(db: Database, first: string, last: string): Promise<Buffer> {
  const segments = await selectUncheckedRows<{ name: string }>(
    db,
    sql`SELECT name FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$' AND name BETWEEN ${first} AND ${last} ORDER BY name`,
  );
  return Buffer.concat(await Promise.all(segments.map(({ name }) => readFile(db, `pg_wal/${name}`))));
}
