import { ORG_IMPORT_COLUMNS } from "./fields";
import type { ExistingPerson } from "./plan";
import { spreadsheetSafe } from "./spreadsheet";

const byName = (a: ExistingPerson, b: ExistingPerson) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email);

/**
 * The organisation as an import file: the header, then one record per active person, in
 * the order of the tree (each manager before their reports, people at the same level by
 * name). A person whose manager has been deactivated keeps that manager's email, as the
 * database has it: importing the file keeps it too. Every text cell is spreadsheet-safe.
 * Importing what this writes, in either mode, changes nothing.
 */
export function orgExportRecords(people: readonly ExistingPerson[]): string[][] {
  const active = people.filter((person) => person.isActive);
  const exported = new Set(active.map((person) => person.email));
  const reports = new Map<string | null, ExistingPerson[]>();
  for (const person of active) {
    // The top of the exported tree: no manager, or one who is not exported (deactivated).
    const parent = person.managerEmail !== null && exported.has(person.managerEmail) ? person.managerEmail : null;
    const siblings = reports.get(parent);
    if (siblings) siblings.push(person);
    else reports.set(parent, [person]);
  }
  for (const list of reports.values()) list.sort(byName);

  const ordered: ExistingPerson[] = [];
  const placed = new Set<string>();
  // Depth first without recursion: a chain of command may be thousands of people long.
  const stack = [...(reports.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const person = stack.pop() as ExistingPerson;
    if (placed.has(person.email)) continue;
    placed.add(person.email);
    ordered.push(person);
    // Pushed last to first, one at a time: a manager may have more reports than a call takes arguments.
    const below = reports.get(person.email) ?? [];
    for (let at = below.length - 1; at >= 0; at--) stack.push(below[at]!);
  }
  // Nobody is left over in a tree; were the database ever to hold a loop, its people still go in, by name.
  ordered.push(...active.filter((person) => !placed.has(person.email)).sort(byName));

  return [
    [...ORG_IMPORT_COLUMNS],
    ...ordered.map((person) => [person.email, person.name, person.managerEmail ?? "", person.isAdmin ? "true" : "false"].map(spreadsheetSafe)),
  ];
}
