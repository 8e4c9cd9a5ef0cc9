/**
 * Importing the org chart from a CSV file: the rules, and the plan of what an import would
 * change. Pure: the server parses the file and reads the database, this decides.
 */
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_NAME_LENGTH } from "./limits";
export { emailProblem, nameProblem, normaliseEmail, normaliseName, ORG_IMPORT_COLUMNS, parseAdminFlag, type OrgImportColumn } from "./fields";
export { deactivationRefusal, type DeactivationConfirmations, isMassDeactivation, MASS_DEACTIVATION_PERCENT, peopleCount } from "./brake";
export { orgExportRecords } from "./export";
export { fromSpreadsheetSafe, spreadsheetSafe } from "./spreadsheet";
export {
  IMPORT_MODES,
  type ImportMode,
  planChangesSomething,
  planImport,
  type CsvRecord,
  type ExistingPerson,
  type ImportError,
  type ImportedPerson,
  type ImportPlan,
  type PersonChange,
  type PersonDeactivation,
  type PersonMove,
  type PersonUpdate,
  type PlanOptions,
} from "./plan";

/** A small file in the expected format, offered as a template to download. */
export const ORG_IMPORT_TEMPLATE = [
  "email,name,manager_email,admin",
  "ana.silva@example.com,Ana Silva,,no",
  "ben.okoro@example.com,Ben Okoro,ana.silva@example.com,no",
  "chen.wei@example.com,Chen Wei,ben.okoro@example.com,no",
  "dana.roth@example.com,Dana Roth,ana.silva@example.com,yes",
  "",
].join("\r\n");
