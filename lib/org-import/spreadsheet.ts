import { neutralise } from "../teams/csv";

/**
 * Cells of an org-chart file that a spreadsheet opens safely, and read back as they were.
 *
 * The export makes a cell that a spreadsheet would run as a formula inert with a leading
 * apostrophe, by the teams CSV's own rule (`neutralise`). So that importing an exported
 * file changes nothing, the import takes that apostrophe off again. To keep the pair exact
 * for a value that itself starts with apostrophes before a formula character ("'=x"),
 * such a value gets one more apostrophe on the way out, and loses one on the way in.
 */
const withoutLeadingApostrophes = (text: string) => text.replace(/^'+/, "");

/** Whether a spreadsheet would run this text as a formula. */
const wouldRun = (text: string) => neutralise(text) !== text;

/** A text cell for the exported file. */
export function spreadsheetSafe(text: string): string {
  return wouldRun(withoutLeadingApostrophes(text)) ? `'${text}` : text;
}

/** The value of a cell of an imported file: what `spreadsheetSafe` was given, for any cell it wrote. */
export function fromSpreadsheetSafe(cell: string): string {
  return cell.startsWith("'") && wouldRun(withoutLeadingApostrophes(cell)) ? cell.slice(1) : cell;
}
