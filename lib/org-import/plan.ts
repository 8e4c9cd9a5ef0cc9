import {
  emailProblem,
  isValidEmail,
  nameProblem,
  normaliseEmail,
  normaliseName,
  ORG_IMPORT_COLUMNS,
  type OrgImportColumn,
  parseAdminFlag,
  quoted,
  UNREADABLE_NAME,
} from "./fields";
import { MAX_IMPORT_ROWS } from "./limits";
import { fromSpreadsheetSafe } from "./spreadsheet";

/** One record of the CSV file as the parser read it, with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Someone already in the database, with their manager's email (null at the top of the tree). */
export interface ExistingPerson {
  email: string;
  name: string;
  managerEmail: string | null;
  isAdmin: boolean;
  isActive: boolean;
}

export interface ImportError {
  line: number;
  message: string;
}

/** A person as the file describes them. */
export interface ImportedPerson {
  line: number;
  email: string;
  name: string;
  managerEmail: string | null;
  isAdmin: boolean;
}

export type PersonChange = "name" | "admin" | "reactivated";

/** Someone already known whose name or admin flag changes, or who comes back from deactivation. */
export interface PersonUpdate extends ImportedPerson {
  changes: PersonChange[];
  previousName: string;
  wasAdmin: boolean;
}

/** Someone already known who gets another manager. */
export interface PersonMove {
  line: number;
  email: string;
  name: string;
  fromManagerEmail: string | null;
  toManagerEmail: string | null;
}

export interface PersonDeactivation {
  email: string;
  name: string;
}

/**
 * What importing a file would do. A plan with errors changes nothing: its lists are empty,
 * whatever the rows without errors say.
 */
export interface ImportPlan {
  /** Data rows read, blank lines left out. */
  rows: number;
  errors: ImportError[];
  add: ImportedPerson[];
  update: PersonUpdate[];
  move: PersonMove[];
  deactivate: PersonDeactivation[];
  /** Rows that match the database already. */
  unchanged: number;
}

/**
 * What an import does with the people who are not in the file. "update" (add and update
 * only, the default) leaves them as they are: nobody is deactivated. "replace" (a full
 * replace) deactivates every one of them who is active.
 */
export const IMPORT_MODES = ["update", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface PlanOptions {
  /** The administrator importing the file: the plan may not deactivate them or take their admin rights. */
  importerEmail: string;
  mode: ImportMode;
}

const COLUMN_LIST = ORG_IMPORT_COLUMNS.join(", ");
const SHOWN_IN_CYCLE = 10;

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === "");

const emptyPlan = (rows: number, errors: ImportError[]): ImportPlan => ({
  rows,
  errors: [...errors].sort((a, b) => a.line - b.line),
  add: [],
  update: [],
  move: [],
  deactivate: [],
  unchanged: 0,
});

/** Maps each column to its position, or explains why the header cannot be read. */
function readHeader(header: CsvRecord): { columns: Record<OrgImportColumn, number> } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const at = (message: string) => errors.push({ line: header.line, message });
  const positions = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (name === "") return at(`Column ${index + 1} of the header has no name. The columns must be ${COLUMN_LIST}.`);
    if (positions.has(name)) return at(`The column ${quoted(name)} appears twice.`);
    positions.set(name, index);
    if (!(ORG_IMPORT_COLUMNS as readonly string[]).includes(name)) {
      const hint = /[;\t|]/.test(name) ? " Separate the columns with commas." : "";
      at(`Unknown column ${quoted(cell.trim())}. The columns must be ${COLUMN_LIST}.${hint}`);
    }
  });
  for (const column of ORG_IMPORT_COLUMNS) {
    if (!positions.has(column)) at(`Missing column “${column}”. The first line must name the columns ${COLUMN_LIST}.`);
  }
  if (errors.length > 0) return { errors };
  return { columns: Object.fromEntries(ORG_IMPORT_COLUMNS.map((column) => [column, positions.get(column)])) as Record<OrgImportColumn, number> };
}

interface ReadRow {
  line: number;
  email: string;
  emailValid: boolean;
  name: string;
  managerEmail: string | null;
  isAdmin: boolean;
  adminValid: boolean;
}

function readRow(record: CsvRecord, columns: Record<OrgImportColumn, number>, errors: ImportError[]): ReadRow {
  const { line, cells } = record;
  const at = (message: string) => errors.push({ line, message });
  // A leading apostrophe that keeps a spreadsheet from running a value (Fulcrum's own export writes them) is not part of it.
  const cell = (column: OrgImportColumn) => fromSpreadsheetSafe((cells[columns[column]] ?? "").trim());
  if (cells.length !== ORG_IMPORT_COLUMNS.length) {
    at(`This line has ${cells.length} values instead of ${ORG_IMPORT_COLUMNS.length}. A value that contains a comma must be in double quotes.`);
  }

  const email = normaliseEmail(cell("email"));
  const badEmail = emailProblem(email);
  if (badEmail) at(badEmail);

  const name = normaliseName(cell("name"));
  const badName = nameProblem(name);
  if (badName) at(badName === UNREADABLE_NAME ? `${badName} Save the file as CSV in UTF-8 and try again.` : badName);

  const managerCell = normaliseEmail(cell("manager_email"));
  const managerEmail = managerCell === "" ? null : managerCell;
  if (managerEmail !== null && !isValidEmail(managerEmail)) at(`The manager email ${quoted(managerEmail)} is not a valid email address.`);

  const isAdmin = parseAdminFlag(cell("admin"));
  if (isAdmin === null) at(`${quoted(cell("admin"))} is not a valid admin value. Use true or false (or yes/no, 1/0), or leave it empty for false.`);

  return { line, email, emailValid: badEmail === null, name, managerEmail, isAdmin: isAdmin ?? false, adminValid: isAdmin !== null };
}

/** Someone in the reporting tree the import would leave: a line of the file, or someone in the database who is not in it. */
interface TreeNode {
  email: string;
  managerEmail: string | null;
  /** The line of the file; null for someone who is not in it, and keeps their manager. */
  line: number | null;
}

function describeChain(chain: TreeNode[]) {
  const shown = chain.slice(0, SHOWN_IN_CYCLE);
  const more = chain.length - shown.length;
  const path = [...shown.map((node) => node.email), more > 0 ? `… (${more} more)` : (chain[0] as TreeNode).email].join(" → ");
  const lines = shown.flatMap((node) => (node.line === null ? [] : [node.line]));
  const outside = shown.length - lines.length;
  const where = [
    `${lines.length === 1 && more === 0 ? "line" : "lines"} ${lines.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
    outside > 0 && `${outside === 1 ? "1 person" : `${outside} people`} not in the file, as they report today`,
  ];
  return `${path} (${where.filter(Boolean).join("; ")})`;
}

/**
 * Finds every loop in the reporting tree the import would leave. Each person has at most
 * one manager, so a walk up from anyone either reaches the top or runs into a loop; every
 * person is walked once. A loop is reported at each of its lines of the file.
 */
function findCycles(tree: Map<string, TreeNode>, errors: ImportError[]) {
  const state = new Map<string, "walking" | "done">();
  for (const start of tree.keys()) {
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && tree.has(current) && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = (tree.get(current) as TreeNode).managerEmail;
    }
    if (current !== null && state.get(current) === "walking") {
      const chain = path.slice(path.indexOf(current)).map((email) => tree.get(email) as TreeNode);
      const description = describeChain(chain);
      for (const node of chain) {
        if (node.line === null) continue;
        errors.push({
          line: node.line,
          message: `The reporting lines go round in a circle: ${description}. Someone in it must report to a manager outside it.`,
        });
      }
    }
    for (const email of path) state.set(email, "done");
  }
}

/**
 * Why a row's manager, who is not in the file, cannot be theirs after the import; null when
 * they can. Someone who already reports to a deactivated manager may keep them: nothing
 * changes there, and an exported file says so.
 */
function outsideManagerProblem(row: ReadRow, known: Map<string, ExistingPerson>, mode: ImportMode): string | null {
  const managerEmail = row.managerEmail as string;
  const manager = known.get(managerEmail);
  if (manager && !manager.isActive && known.get(row.email)?.managerEmail === managerEmail) return null;
  if (mode === "replace") {
    return `Unknown manager ${managerEmail}: nobody with that email is in the file. Everyone who is not in the file is deactivated, so managers must be in it too.`;
  }
  if (!manager) return `Unknown manager ${managerEmail}: nobody with that email is in the file or in Fulcrum.`;
  if (!manager.isActive) return `The manager ${managerEmail} is deactivated. Add a line for them to reactivate them, or choose an active manager.`;
  return null;
}

/**
 * Works out what importing an org chart would change, without touching anything. Everyone
 * in the file is active afterwards, with the manager the file gives them. In "update" mode
 * everyone else stays as they are, and a manager may be anyone active; in "replace" mode
 * every active person who is not in the file is deactivated, so managers must be in it.
 */
export function planImport(records: CsvRecord[], existing: ExistingPerson[], options: PlanOptions): ImportPlan {
  const nonBlank = records.filter((record) => !isBlank(record));
  const [header, ...data] = nonBlank;
  if (!header) {
    return emptyPlan(0, [{ line: 1, message: `The file is empty. Its first line must name the columns ${COLUMN_LIST}.` }]);
  }
  const headerRead = readHeader(header);
  if ("errors" in headerRead) return emptyPlan(data.length, headerRead.errors);
  if (data.length > MAX_IMPORT_ROWS) {
    const first = data[MAX_IMPORT_ROWS] as CsvRecord;
    return emptyPlan(data.length, [
      {
        line: first.line,
        message: `The file has ${data.length.toLocaleString("en")} people; at most ${MAX_IMPORT_ROWS.toLocaleString("en")} can be imported at once.`,
      },
    ]);
  }

  const errors: ImportError[] = [];
  const rows = data.map((record) => readRow(record, headerRead.columns, errors));

  // Each valid email once, at its first line; a repeat is an error that names both lines.
  const byEmail = new Map<string, ReadRow>();
  for (const row of rows) {
    if (!row.emailValid) continue;
    const first = byEmail.get(row.email);
    if (first) errors.push({ line: row.line, message: `The email ${row.email} appears twice: on line ${first.line} and on this line.` });
    else byEmail.set(row.email, row);
  }

  // The tree after the import: the file's lines first, then everyone else as they report today.
  const known = new Map(existing.map((person) => [person.email, person]));
  const tree = new Map<string, TreeNode>();
  for (const row of rows) {
    const { managerEmail } = row;
    // A line whose manager is refused ends its walk up the tree: it has an error already.
    let accepted = true;
    if (managerEmail !== null && isValidEmail(managerEmail)) {
      const problem =
        managerEmail === row.email
          ? "Someone cannot be their own manager."
          : byEmail.has(managerEmail)
            ? null
            : outsideManagerProblem(row, known, options.mode);
      if (problem !== null) {
        errors.push({ line: row.line, message: problem });
        accepted = false;
      }
    } else if (managerEmail !== null) accepted = false; // not an email: readRow said so
    if (byEmail.get(row.email) === row) tree.set(row.email, { email: row.email, managerEmail: accepted ? managerEmail : null, line: row.line });
  }
  for (const person of existing) {
    if (!tree.has(person.email)) tree.set(person.email, { email: person.email, managerEmail: person.managerEmail, line: null });
  }
  findCycles(tree, errors);

  const importer = normaliseEmail(options.importerEmail);
  const importerRow = byEmail.get(importer);
  if (!importerRow) {
    if (options.mode === "replace") {
      errors.push({
        line: header.line,
        message: `You (${importer}) are not in the file, so a full replace would deactivate your own account. Add a line for yourself.`,
      });
    }
  } else if (importerRow.adminValid && !importerRow.isAdmin) {
    errors.push({ line: importerRow.line, message: "This line would take away your own administrator rights. Set admin to true on it." });
  }

  if (errors.length > 0) return emptyPlan(rows.length, errors);
  return diff(rows, existing, options.mode);
}

function diff(rows: ReadRow[], existing: ExistingPerson[], mode: ImportMode): ImportPlan {
  const current = new Map(existing.map((person) => [person.email, person]));
  const plan = emptyPlan(rows.length, []);
  for (const { line, email, name, managerEmail, isAdmin } of rows) {
    const person = current.get(email);
    if (!person) {
      plan.add.push({ line, email, name, managerEmail, isAdmin });
      continue;
    }
    current.delete(email);
    const changes: PersonChange[] = [];
    // A name stored before names were normalised (a double space, say) is the same name.
    if (normaliseName(person.name) !== name) changes.push("name");
    if (person.isAdmin !== isAdmin) changes.push("admin");
    if (!person.isActive) changes.push("reactivated");
    if (changes.length > 0) plan.update.push({ line, email, name, managerEmail, isAdmin, changes, previousName: person.name, wasAdmin: person.isAdmin });
    const moves = person.managerEmail !== managerEmail;
    if (moves) plan.move.push({ line, email, name, fromManagerEmail: person.managerEmail, toManagerEmail: managerEmail });
    if (changes.length === 0 && !moves) plan.unchanged++;
  }
  if (mode === "replace") {
    for (const person of current.values()) {
      if (person.isActive) plan.deactivate.push({ email: person.email, name: person.name });
    }
  }
  plan.deactivate.sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email));
  return plan;
}

/** Whether applying the plan would change anything at all. */
export const planChangesSomething = (plan: ImportPlan) => plan.add.length + plan.update.length + plan.move.length + plan.deactivate.length > 0;
