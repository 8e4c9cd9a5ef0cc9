import { z } from "zod";
import { MAX_NAME_LENGTH } from "./limits";

/** The columns of an org-chart file, in the order the template uses. Any order is accepted. */
export const ORG_IMPORT_COLUMNS = ["email", "name", "manager_email", "admin"] as const;
export type OrgImportColumn = (typeof ORG_IMPORT_COLUMNS)[number];

const MAX_EMAIL_LENGTH = 254;

const emailSchema = z.email().max(MAX_EMAIL_LENGTH);

/** Emails are compared trimmed and in lower case, as the database stores them. */
export const normaliseEmail = (value: string) => value.trim().toLowerCase();

export const isValidEmail = (email: string) => emailSchema.safeParse(email).success;

/**
 * A name is one line of text: surrounding spaces go, and any run of white space inside it
 * (a line break in a quoted cell, a double space) becomes one space.
 */
export const normaliseName = (value: string) => value.replace(/\s+/g, " ").trim();

/** Length in characters as PostgreSQL's char_length counts them (code points, not UTF-16 units). */
export const characterCount = (value: string) => [...value].length;

const ADMIN_VALUES = new Map<string, boolean>([
  ["", false],
  ["true", true],
  ["false", false],
  ["yes", true],
  ["no", false],
  ["1", true],
  ["0", false],
]);

/** true/false, yes/no, 1/0 in any case, or empty for false; null for anything else. */
export function parseAdminFlag(value: string): boolean | null {
  return ADMIN_VALUES.get(value.trim().toLowerCase()) ?? null;
}

/** The character a decoder puts where bytes were not valid UTF-8. */
export const hasUnreadableCharacters = (value: string) => value.includes("\uFFFD");

const SHOWN_OF_A_VALUE = 60;

/** A value someone typed or uploaded, quoted in a message; a long one is cut short (it may be a whole binary file). */
export const quoted = (value: string) => {
  const characters = [...value];
  return `“${characters.length > SHOWN_OF_A_VALUE ? `${characters.slice(0, SHOWN_OF_A_VALUE).join("")}…` : value}”`;
};

/** A name with the character a decoder puts where bytes were not valid UTF-8. */
export const UNREADABLE_NAME = "The name has characters that could not be read.";

/**
 * What is wrong with a person's name, already normalised (normaliseName), or null: the one
 * rule for a line of an import file and for the forms that add or edit one person.
 */
export function nameProblem(name: string): string | null {
  if (name === "") return "The name is missing.";
  if (characterCount(name) > MAX_NAME_LENGTH) return `The name is longer than ${MAX_NAME_LENGTH} characters.`;
  if (hasUnreadableCharacters(name)) return UNREADABLE_NAME;
  return null;
}

/** What is wrong with a work email, already normalised (normaliseEmail), or null: the same rule for a file and a form. */
export function emailProblem(email: string): string | null {
  if (email === "") return "The email is missing.";
  if (!isValidEmail(email)) return `${quoted(email)} is not a valid email address.`;
  return null;
}
