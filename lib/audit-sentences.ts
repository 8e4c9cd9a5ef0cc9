/**
 * The audit log in words: each entry as one plain sentence ("Priya Natarajan opened Q1
 * 2027") with its details as short lines below it, never as codes or JSON. Pure: the page
 * gives the names it joined to the entry (who acted, whom or which cycle it was about) and
 * the entry's details as stored.
 */
import { formatDay } from "./dates";

/** Every action the log records, as the filter names it. The database's list (db/schema `auditAction`) must match it; a unit test holds them together. */
export const AUDIT_ACTION_LABELS = {
  "cycle.create": "Cycle created",
  "cycle.update": "Draft edited",
  "cycle.open": "Cycle opened",
  "cycle.close": "Cycle closed",
  "cycle.thresholds": "Cycle thresholds raised",
  "cycle.delete": "Draft deleted",
  "cycle.remind": "Reminders sent",
  "people.import": "Org chart imported",
  "person.create": "Person added",
  "person.update": "Person changed",
  "person.deactivate": "Person deactivated",
  "person.reactivate": "Person reactivated",
  "invitation.create": "Sign-in link created",
  "password.reset_request": "Password reset asked for",
  "settings.update": "Anonymity thresholds changed",
} as const satisfies Record<string, string>;

export type AuditActionName = keyof typeof AUDIT_ACTION_LABELS;

/** One entry as the log holds it, with the names its ids stand for (null where it has none). */
export interface AuditFacts {
  action: string;
  actorName: string | null;
  personName: string | null;
  personEmail: string | null;
  cycleName: string | null;
  /** The person who acted is the person the entry is about (a link they asked for themselves). */
  actorIsPerson: boolean;
  details: Readonly<Record<string, unknown>>;
}

export interface AuditSentence {
  sentence: string;
  /** Short lines for below the sentence, in order; empty when there is nothing more to say. */
  details: string[];
}

/** Who acted when the entry names nobody: the app itself. */
export const NO_ACTOR = "Fulcrum";

/** Labels for the detail keys an action does not word itself: never the key as stored. */
const DETAIL_LABELS: Record<string, string> = {
  k: "Minimum raters (k)",
  commentThreshold: "Minimum commenters",
  name: "Name",
  opensOn: "Opens on",
  closesOn: "Closes on",
};

const PERSON_FIELDS: Record<string, string> = { name: "name", manager: "manager", admin: "administrator access" };

const IMPORT_COUNTS = [
  ["added", "added"],
  ["updated", "updated"],
  ["reactivated", "reactivated"],
  ["moved", "moved"],
  ["deactivated", "deactivated"],
  ["unchanged", "unchanged"],
] as const;

const DELIVERY: Record<string, string> = {
  email: "Emailed to them",
  "shown to the administrator": "Shown to the administrator who created it",
  "printed by npm run admin:create": "Printed by npm run admin:create",
};

type Details = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const whole = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const record = (value: unknown): Details | undefined => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Details) : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((item): item is string => item !== undefined) : []);

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A day as Fulcrum shows days; anything that is not one, as it is. */
function day(value: unknown): string | undefined {
  const iso = text(value);
  if (iso === undefined) return undefined;
  try {
    return formatDay(iso);
  } catch {
    return iso;
  }
}

/** "fooBar_baz" → "Foo bar baz", for a key no action words itself. */
function labelOf(key: string): string {
  const known = DETAIL_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value in words: text as it is, yes or no, a list, or an object's fields. */
function valueOf(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueOf).join(", ");
  const fields = Object.entries(value as Details);
  return fields.length === 0 ? "none" : fields.map(([key, inner]) => `${labelOf(key).toLowerCase()} ${valueOf(inner)}`).join(", ");
}

/** The details no action worded, one line each: "Label: value". */
function remainingDetails(details: Details, worded: readonly string[]): string[] {
  return Object.entries(details)
    .filter(([key]) => !worded.includes(key))
    .map(([key, value]) => `${labelOf(key)}: ${valueOf(value)}`);
}

/** "Minimum raters (k): 3 → 4" for each threshold, or "…: 5, unchanged". */
function thresholdChanges(details: Details): string[] {
  const from = record(details.from) ?? {};
  const to = record(details.to) ?? {};
  return (["k", "commentThreshold"] as const).flatMap((key) => {
    const before = whole(from[key]);
    const after = whole(to[key]);
    if (after === undefined) return [];
    if (before === undefined) return [`${labelOf(key)}: ${after}`];
    return [before === after ? `${labelOf(key)}: ${after}, unchanged` : `${labelOf(key)}: ${before} → ${after}`];
  });
}

/** "Name: …" and "Dates: … – …" of a cycle as it was saved. */
function cycleAsSaved(details: Details): string[] {
  const name = text(details.name);
  const opens = day(details.opensOn);
  const closes = day(details.closesOn);
  return [...(name ? [`Name: ${name}`] : []), ...(opens && closes ? [`Dates: ${opens} – ${closes}`] : [])];
}

function importCounts(details: Details): string[] {
  const rows = whole(details.rows);
  const parts = IMPORT_COUNTS.flatMap(([key, word]) => {
    const count = whole(details[key]);
    return count === undefined || (key === "reactivated" && count === 0) ? [] : [`${count} ${word}`];
  });
  if (parts.length === 0) return rows === undefined ? [] : [`${rows} ${rows === 1 ? "row" : "rows"}`];
  return [`${rows === undefined ? "" : `${rows} ${rows === 1 ? "row" : "rows"}: `}${parts.join(", ")}`];
}

interface Words {
  sentence: string;
  details?: string[];
  /** Detail keys the sentence and its lines have said: the rest are listed as they are. */
  worded?: readonly string[];
}

type Builder = (names: { actor: string; person: string; cycle: string; cycleKnown: boolean; isSelf: boolean }, details: Details) => Words;

const BUILDERS: Record<AuditActionName, Builder> = {
  "cycle.create": ({ actor, cycle }, details) => ({
    sentence: `${actor} created the draft ${cycle}`,
    details: cycleAsSaved(details),
    worded: ["name", "opensOn", "closesOn"],
  }),
  "cycle.update": ({ actor, cycle }, details) => ({
    sentence: `${actor} edited the draft ${cycle}`,
    details: cycleAsSaved(details),
    worded: ["name", "opensOn", "closesOn"],
  }),
  "cycle.open": ({ actor, cycle }, details) => {
    const alongside = texts(details.alongside);
    return {
      sentence: `${actor} opened ${cycle}`,
      details: alongside.length > 0 ? [`Opened alongside ${listOf(alongside)}, which ${alongside.length === 1 ? "was" : "were"} still open`] : [],
      worded: ["alongside"],
    };
  },
  "cycle.close": ({ actor, cycle }) => ({ sentence: `${actor} closed ${cycle}` }),
  "cycle.thresholds": ({ actor, cycle }, details) => ({
    sentence: `${actor} raised the anonymity thresholds of ${cycle}`,
    details: thresholdChanges(details),
    worded: ["from", "to"],
  }),
  "cycle.delete": ({ actor, cycle, cycleKnown }, details) => ({
    sentence: cycleKnown ? `${actor} deleted the draft ${cycle}` : `${actor} deleted a draft`,
    details: cycleAsSaved({ ...details, name: undefined }),
    worded: ["name", "opensOn", "closesOn"],
  }),
  "cycle.remind": ({ actor, cycle }) => ({ sentence: `${actor} sent reminders for ${cycle} to those who had not answered` }),
  "people.import": ({ actor }, details) => ({
    sentence: `${actor} imported the org chart`,
    details: importCounts(details),
    worded: ["rows", ...IMPORT_COUNTS.map(([key]) => key)],
  }),
  "person.create": ({ actor, person }, details) => ({
    sentence: `${actor} added ${person}`,
    details: [
      ...(details.admin === true ? ["With administrator access"] : []),
      ...(details.manager === false ? ["With no manager: at the top of the tree"] : []),
    ],
    worded: ["admin", "manager"],
  }),
  "person.update": ({ actor, person }, details) => {
    const changed = texts(details.changed).map((field) => PERSON_FIELDS[field] ?? labelOf(field).toLowerCase());
    return {
      sentence: changed.length > 0 ? `${actor} changed the ${listOf(changed)} of ${person}` : `${actor} changed ${person}`,
      worded: ["changed"],
    };
  },
  "person.deactivate": ({ actor, person }) => ({ sentence: `${actor} deactivated ${person}` }),
  "person.reactivate": ({ actor, person }) => ({ sentence: `${actor} reactivated ${person}` }),
  "invitation.create": ({ actor, person, isSelf }, details) => {
    const link = details.kind === "reset" ? "a password reset link" : "an invitation link";
    const delivery = text(details.delivery);
    return {
      sentence:
        details.firstAdministrator === true
          ? `${person} was created as the first administrator, with ${link}`
          : isSelf
            ? `${actor} created ${link} for themselves`
            : `${actor} created ${link} for ${person}`,
      details: delivery === undefined ? [] : [DELIVERY[delivery] ?? `Delivery: ${delivery}`],
      worded: ["kind", "delivery", "firstAdministrator"],
    };
  },
  "password.reset_request": ({ person }) => ({ sentence: `${person} asked for a password reset link on the sign-in page` }),
  "settings.update": ({ actor }, details) => ({
    sentence: `${actor} changed the anonymity thresholds for cycles opened from now on`,
    details: thresholdChanges(details),
    worded: ["from", "to"],
  }),
};

export function isAuditActionName(action: string): action is AuditActionName {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** One entry of the log as a sentence, with its details below it. */
export function auditSentence(entry: AuditFacts): AuditSentence {
  const actor = entry.actorName ?? NO_ACTOR;
  const person = entry.personName ? (entry.personEmail ? `${entry.personName} (${entry.personEmail})` : entry.personName) : "someone no longer on record";
  const cycleName = entry.cycleName ?? text(entry.details.name);
  const names = { actor, person, cycle: cycleName ?? "a cycle no longer on record", cycleKnown: cycleName !== undefined, isSelf: entry.actorIsPerson };
  if (!isAuditActionName(entry.action)) {
    return { sentence: `${actor}: ${labelOf(entry.action)}`, details: remainingDetails(entry.details, []) };
  }
  const words = BUILDERS[entry.action](names, entry.details);
  return { sentence: words.sentence, details: [...(words.details ?? []), ...remainingDetails(entry.details, words.worded ?? [])] };
}
