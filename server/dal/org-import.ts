import "server-only";
import { createHash } from "node:crypto";
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/client";
import { people } from "@/db/schema";
import { clock } from "@/lib/clock";
import {
  type CsvRecord,
  type DeactivationConfirmations,
  deactivationRefusal,
  type ExistingPerson,
  type ImportError,
  type ImportMode,
  type ImportPlan,
  isMassDeactivation,
  MAX_IMPORT_BYTES,
  orgExportRecords,
  planChangesSomething,
  planImport,
} from "@/lib/org-import";
import { recordAudit } from "@/server/internal/audit-log";
import { ExpectedError, requireAdmin } from "./errors";
import { revokedUntilNow } from "@/server/internal/viewer";
import type { Viewer } from "./viewer";

/** A refusal the admin can act on; its message is safe to show. `errors` lists the file's problems by line. */
export class ImportRuleError extends ExpectedError {
  override name = "ImportRuleError";
  constructor(
    message: string,
    readonly errors: ImportError[] = [],
  ) {
    super(message);
  }
}

export interface ImportCounts {
  rows: number;
  added: number;
  /** Name or admin changes and reactivations; reactivations are also counted on their own. */
  updated: number;
  reactivated: number;
  moved: number;
  deactivated: number;
  unchanged: number;
}

export interface ImportPreview {
  /** SHA-256 of the file, in hex: applying needs the very same file. */
  fileHash: string;
  mode: ImportMode;
  plan: ImportPlan;
  counts: ImportCounts;
  /** How many people are active now: the brake on mass deactivation compares with it. */
  activeBefore: number;
  /** Whether applying needs the confirmation of the deactivations, and a second one (more than the brake's share of the active people). */
  confirm: { deactivations: boolean; massDeactivation: boolean };
}

export interface ApplyOptions {
  /** "update" (add and update only) unless said otherwise: nobody is deactivated. */
  mode?: ImportMode;
  /** What the administrator ticked for a full replace that deactivates people. */
  confirmations?: DeactivationConfirmations;
}

export interface OrganisationExport {
  filename: string;
  csv: string;
}

export interface ImportOutcome {
  /** False when the organisation already matched the file: nothing was written. */
  changed: boolean;
  counts: ImportCounts;
}

const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);
// Rows per bulk statement: each statement carries one JSON parameter, so this only bounds its size.
const CHUNK = 5_000;
const LINE_BREAK = /\r\n|\r|\n/g;

export const fileHash = (csvText: string) => createHash("sha256").update(csvText, "utf8").digest("hex");

function checkSize(csvText: string) {
  if (Buffer.byteLength(csvText, "utf8") > MAX_IMPORT_BYTES) {
    throw new ImportRuleError(`The file is larger than ${MEGABYTES} MB. Import at most ${MEGABYTES} MB at a time.`);
  }
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "A double quote opened on this line is never closed.",
  CSV_INVALID_CLOSING_QUOTE: "A double quote in this record is not where it can be: a quoted value must be followed by a comma or the end of the line.",
  INVALID_OPENING_QUOTE: 'A double quote in this record is not where it can be: a value with a quote in it must be quoted itself, with the quote doubled ("").',
};

/**
 * Reads the file into records, each with the physical line it starts on. The parser's own
 * line counts describe where a record ends, so the start is counted here from each record's
 * raw text; a quoted value spanning several lines moves every later line number on.
 */
export function readCsv(csvText: string): { records: CsvRecord[] } | { error: ImportError } {
  let nextLine = 1;
  // With `raw`, each record reaches on_record with its source text; csv-parse's types do not say so.
  const numbered = (value: unknown): CsvRecord => {
    const { record, raw } = value as { record: string[]; raw: string };
    const line = nextLine;
    nextLine += raw.match(LINE_BREAK)?.length ?? 0;
    return { line, cells: record };
  };
  try {
    const records = parse(csvText, {
      bom: true,
      raw: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      on_record: numbered as unknown as (record: string[]) => string[],
    }) as unknown as CsvRecord[];
    return { records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const problem = CSV_PROBLEMS[error.code] ?? "This record cannot be read as CSV.";
    return { error: { line: nextLine, message: `${problem} Nothing after it was checked.` } };
  }
}

function countsOf(plan: ImportPlan): ImportCounts {
  return {
    rows: plan.rows,
    added: plan.add.length,
    updated: plan.update.length,
    reactivated: plan.update.filter((person) => person.changes.includes("reactivated")).length,
    moved: plan.move.length,
    deactivated: plan.deactivate.length,
    unchanged: plan.unchanged,
  };
}

const manager = alias(people, "manager");

/**
 * Everyone, in no particular order: the plan orders what it reports by the file's lines
 * and by name (lib/org-import), and the export by the tree; sorting every person here cost
 * a fifth of a dry run's reading at 120,000 people.
 */
async function loadPeople(db: Database | Transaction): Promise<ExistingPerson[]> {
  return db
    .select({ email: people.email, name: people.name, managerEmail: manager.email, isAdmin: people.isAdmin, isActive: people.isActive })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.reportsTo));
}

function planFor(csvText: string, existing: ExistingPerson[], viewer: Viewer, mode: ImportMode): ImportPlan {
  const read = readCsv(csvText);
  if ("error" in read) return { rows: 0, errors: [read.error], add: [], update: [], move: [], deactivate: [], unchanged: 0 };
  return planImport(read.records, existing, { importerEmail: viewer.email, mode });
}

const activeCount = (existing: ExistingPerson[]) => existing.filter((person) => person.isActive).length;

/** What importing this file in this mode would change, with every error by line. Writes nothing. */
export async function previewImport(db: Database, viewer: Viewer, csvText: string, mode: ImportMode = "update"): Promise<ImportPreview> {
  requireAdmin(viewer, "import the org chart");
  checkSize(csvText);
  const existing = await loadPeople(db);
  const plan = planFor(csvText, existing, viewer, mode);
  const activeBefore = activeCount(existing);
  const deactivating = plan.deactivate.length;
  return {
    fileHash: fileHash(csvText),
    mode,
    plan,
    counts: countsOf(plan),
    activeBefore,
    confirm: { deactivations: deactivating > 0, massDeactivation: isMassDeactivation(deactivating, activeBefore) },
  };
}

/**
 * The organisation as an import file: every active person, with their manager and admin
 * flag, spreadsheet-safe. Importing it, in either mode, changes nothing.
 */
export async function exportOrganisation(db: Database, viewer: Viewer): Promise<OrganisationExport> {
  requireAdmin(viewer, "export the organisation");
  const records = orgExportRecords(await loadPeople(db));
  return {
    filename: `fulcrum-organisation-${clock.today()}.csv`,
    // As the teams export: CRLF between records, quoted where needed, and a byte-order mark for spreadsheets.
    csv: stringify(records, { record_delimiter: "windows", bom: true }),
  };
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/**
 * Applies the file, re-planned here from the file itself and the database as it is now,
 * in one transaction: either everything in the plan happens or nothing does. The people
 * table is locked against other writers for the transaction, so the plan cannot go stale
 * while it is written. Only `people` changes: the snapshot of an open cycle lives in
 * cycle_assignments, which moves leave alone. A full replace that deactivates anyone needs
 * the confirmations of the brake (lib/org-import/brake.ts), for the number it deactivates now.
 */
export async function applyImport(db: Database, viewer: Viewer, csvText: string, expectedHash: string, options: ApplyOptions = {}): Promise<ImportOutcome> {
  const mode = options.mode ?? "update";
  requireAdmin(viewer, "import the org chart");
  checkSize(csvText);
  if (fileHash(csvText) !== expectedHash) {
    throw new ImportRuleError("This is not the file you previewed. Preview it again, then apply it.");
  }
  return db.transaction(async (tx) => {
    // Blocks other writes to people (and other imports) until commit; reads go on.
    await tx.execute(sql`LOCK TABLE people IN SHARE ROW EXCLUSIVE MODE`);
    const existing = await loadPeople(tx);
    const plan = planFor(csvText, existing, viewer, mode);
    if (plan.errors.length > 0) {
      const count = plan.errors.length;
      throw new ImportRuleError(`The file has ${count === 1 ? "an error" : `${count} errors`}, so nothing was imported.`, plan.errors);
    }
    const refusal = deactivationRefusal(plan.deactivate.length, activeCount(existing), options.confirmations ?? {});
    if (refusal !== null) throw new ImportRuleError(refusal);
    const counts = countsOf(plan);
    if (!planChangesSomething(plan)) return { changed: false, counts };

    const importedAt = clock.now().toISOString();
    for (const part of chunks(plan.add)) {
      const rows = part.map(({ email, name, isAdmin }) => ({ email, name, is_admin: isAdmin }));
      await tx.execute(sql`
        INSERT INTO people (email, name, is_admin, created_at)
        SELECT email, name, is_admin, ${importedAt}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(email text, name text, is_admin boolean)`);
    }
    for (const part of chunks(plan.update)) {
      const rows = part.map(({ email, name, isAdmin }) => ({ email, name, is_admin: isAdmin }));
      await tx.execute(sql`
        UPDATE people p SET name = v.name, is_admin = v.is_admin, is_active = true
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(email text, name text, is_admin boolean)
        WHERE p.email = v.email`);
    }
    // Managers last: a new person's manager may be new too. Every manager is in the file or
    // already in the database (the plan checked), so every one of them exists by now.
    const placements = [
      ...plan.add.filter((person) => person.managerEmail !== null).map(({ email, managerEmail }) => ({ email, manager_email: managerEmail })),
      ...plan.move.map(({ email, toManagerEmail }) => ({ email, manager_email: toManagerEmail })),
    ];
    for (const part of chunks(placements)) {
      await tx.execute(sql`
        UPDATE people p SET reports_to = m.id
        FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS v(email text, manager_email text)
          LEFT JOIN people m ON m.email = v.manager_email
        WHERE p.email = v.email`);
    }
    // Deactivating signs the person out at once, and their old sessions and sign-in links
    // stay dead if they come back.
    for (const part of chunks(plan.deactivate)) {
      const emails = sql`(SELECT jsonb_array_elements_text(${JSON.stringify(part.map((person) => person.email))}::jsonb))`;
      await tx.execute(sql`
        UPDATE invitations SET voided_at = ${clock.now().toISOString()}::timestamptz
        WHERE used_at IS NULL AND voided_at IS NULL AND person_id IN (SELECT id FROM people WHERE is_active AND email IN ${emails})`);
      await tx.execute(sql`
        UPDATE people SET is_active = false, sessions_valid_from = ${revokedUntilNow().toISOString()}::timestamptz
        WHERE is_active AND email IN ${emails}`);
    }
    await recordAudit(tx, viewer, { action: "people.import", details: { ...counts, mode } });
    return { changed: true, counts };
  });
}
