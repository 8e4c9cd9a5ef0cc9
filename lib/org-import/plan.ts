import {
  characterCount,
  hasUnreadableCharacters,
  isValidEmail,
  normaliseEmail,
  normaliseName,
  ORG_IMPORT_COLUMNS,
  type OrgImportColumn,
  parseAdminFlag,
} from "./fields";
import { MAX_IMPORT_ROWS, MAX_NAME_LENGTH } from "./limits";

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

export interface PlanOptions {
  /** The administrator importing the file: the plan may not deactivate them or take their admin rights. */
  importerEmail: string;
}

const COLUMN_LIST = ORG_IMPORT_COLUMNS.join(", ");
const SHOWN_IN_CYCLE = 10;
const SHOWN_OF_A_VALUE = 60;

/** A value from the file, quoted in a message; a long one is cut short (it may be a whole binary file). */
const quoted = (value: string) => {
  const characters = [...value];
  return `“${characters.length > SHOWN_OF_A_VALUE ? `${characters.slice(0, SHOWN_OF_A_VALUE).join("")}…` : value}”`;
};

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
  const cell = (column: OrgImportColumn) => cells[columns[column]] ?? "";
  if (cells.length !== ORG_IMPORT_COLUMNS.length) {
    at(`This line has ${cells.length} values instead of ${ORG_IMPORT_COLUMNS.length}. A value that contains a comma must be in double quotes.`);
  }

  const email = normaliseEmail(cell("email"));
  const emailValid = isValidEmail(email);
  if (email === "") at("The email is missing.");
  else if (!emailValid) at(`${quoted(email)} is not a valid email address.`);

  const name = normaliseName(cell("name"));
  if (name === "") at("The name is missing.");
  else if (characterCount(name) > MAX_NAME_LENGTH) at(`The name is longer than ${MAX_NAME_LENGTH} characters.`);
  else if (hasUnreadableCharacters(name)) at("The name has characters that could not be read. Save the file as CSV in UTF-8 and try again.");

  const managerCell = normaliseEmail(cell("manager_email"));
  const managerEmail = managerCell === "" ? null : managerCell;
  if (managerEmail !== null && !isValidEmail(managerEmail)) at(`The manager email ${quoted(managerEmail)} is not a valid email address.`);

  const isAdmin = parseAdminFlag(cell("admin"));
  if (isAdmin === null) at(`${quoted(cell("admin").trim())} is not a valid admin value. Use true or false (or yes/no, 1/0), or leave it empty for false.`);

  return { line, email, emailValid, name, managerEmail, isAdmin: isAdmin ?? false, adminValid: isAdmin !== null };
}

function describeChain(chain: ReadRow[]) {
  const shown = chain.slice(0, SHOWN_IN_CYCLE);
  const more = chain.length - shown.length;
  const path = [...shown.map((row) => row.email), more > 0 ? `… (${more} more)` : (chain[0] as ReadRow).email].join(" → ");
  const lines = shown.map((row) => row.line).join(", ") + (more > 0 ? ` and ${more} more` : "");
  return `${path} (lines ${lines})`;
}

/**
 * Finds every loop in the reporting tree. Each person has at most one manager, so a walk
 * up from anyone either reaches the top or runs into a loop; every person is walked once.
 */
function findCycles(rows: Map<string, ReadRow>, errors: ImportError[]) {
  const state = new Map<string, "walking" | "done">();
  for (const start of rows.keys()) {
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && rows.has(current) && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = (rows.get(current) as ReadRow).managerEmail;
    }
    if (current !== null && state.get(current) === "walking") {
      const chain = path.slice(path.indexOf(current)).map((email) => rows.get(email) as ReadRow);
      const description = describeChain(chain);
      for (const row of chain) {
        errors.push({
          line: row.line,
          message: `The reporting lines go round in a circle: ${description}. Someone in it must report to a manager outside it.`,
        });
      }
    }
    for (const email of path) state.set(email, "done");
  }
}

/**
 * Works out what importing an org chart would change, without touching anything. The file
 * is the whole organisation: everyone in it is active afterwards, and every active person
 * who is not in it is deactivated.
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

  // Managers must be in the file: whoever is not in it is deactivated, so cannot manage anyone.
  const tree = new Map<string, ReadRow>();
  for (const row of rows) {
    const { managerEmail } = row;
    if (managerEmail !== null && isValidEmail(managerEmail)) {
      if (managerEmail === row.email) errors.push({ line: row.line, message: "Someone cannot be their own manager." });
      else if (!byEmail.has(managerEmail)) {
        errors.push({
          line: row.line,
          message: `Unknown manager ${managerEmail}: nobody with that email is in the file. Everyone who is not in the file is deactivated, so managers must be in it too.`,
        });
      }
    }
    if (byEmail.get(row.email) === row && (managerEmail === null || (byEmail.has(managerEmail) && managerEmail !== row.email))) {
      tree.set(row.email, row);
    }
  }
  findCycles(tree, errors);

  const importer = normaliseEmail(options.importerEmail);
  const importerRow = byEmail.get(importer);
  if (!importerRow) {
    errors.push({
      line: header.line,
      message: `You (${importer}) are not in the file, so importing it would deactivate your own account. Add a line for yourself.`,
    });
  } else if (importerRow.adminValid && !importerRow.isAdmin) {
    errors.push({ line: importerRow.line, message: "This line would take away your own administrator rights. Set admin to true on it." });
  }

  if (errors.length > 0) return emptyPlan(rows.length, errors);
  return diff(rows, existing);
}

function diff(rows: ReadRow[], existing: ExistingPerson[]): ImportPlan {
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
    if (person.name !== name) changes.push("name");
    if (person.isAdmin !== isAdmin) changes.push("admin");
    if (!person.isActive) changes.push("reactivated");
    if (changes.length > 0) plan.update.push({ line, email, name, managerEmail, isAdmin, changes, previousName: person.name, wasAdmin: person.isAdmin });
    const moves = person.managerEmail !== managerEmail;
    if (moves) plan.move.push({ line, email, name, fromManagerEmail: person.managerEmail, toManagerEmail: managerEmail });
    if (changes.length === 0 && !moves) plan.unchanged++;
  }
  for (const person of current.values()) {
    if (person.isActive) plan.deactivate.push({ email: person.email, name: person.name });
  }
  plan.deactivate.sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email));
  return plan;
}

/** Whether applying the plan would change anything at all. */
export const planChangesSomething = (plan: ImportPlan) => plan.add.length + plan.update.length + plan.move.length + plan.deactivate.length > 0;
