import { z } from "zod";

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
