import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type NewPasswordField = "password" | "confirmation";

/** Whose password it is: what anyone who targets this account already knows about them. */
export interface PasswordOwner {
  name: string;
  email: string;
}

/**
 * One sentence per rule, and only the first rule a password breaks is shown: the person
 * fixes one thing at a time. None of them repeats the password, which must never reach a
 * page or a log.
 */
export const PASSWORD_MESSAGES = {
  missing: "Choose a password.",
  blank: "A password of only spaces is not allowed. Choose one with letters, digits or other characters.",
  tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters, not counting spaces. A few unrelated words work well.`,
  demo: "This is the demo password shown on the sign-in page, or little more than it. Choose another.",
  personal: `This password is mostly your name or email address, which others know. Use at least ${PASSWORD_MIN_LENGTH} other characters, not counting spaces.`,
  common: "This password is on a list of commonly used passwords. Choose another.",
  confirmationMissing: "Type the password again.",
  confirmationDiffers: "The two passwords differ.",
} as const;

let commonPasswords: Set<string> | undefined;

/** The common-password list, read once. Entries shorter than the minimum are left out of it. */
function isCommon(password: string) {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "server", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  // Also without its spaces: "qwerty 123456" is no stronger than "qwerty123456".
  return commonPasswords.has(password.toLowerCase()) || commonPasswords.has(folded(password));
}

/**
 * Text as it is compared: lower case, accents and spaces removed. "José Núñez" and
 * "jose nunez" are the same words to someone guessing, and a space adds nothing a guesser
 * has to find.
 */
function folded(text: string) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase().replace(/\s+/gu, "");
}

/** Characters, not UTF-16 units: an emoji counts once. */
const characters = (text: string) => [...text].length;

/**
 * What the owner's name and email give away, folded: the whole address, its local part and
 * domain, the whole name without spaces, and each word of three letters or more of any of
 * them ("rita", "rep", "northwind"). Shorter words are left out: removing every "al" or
 * "jo" from a passphrase would refuse good ones for nothing.
 */
function knownWords({ name, email }: PasswordOwner) {
  const address = folded(email);
  const [local = "", domain = ""] = address.split("@");
  const pieces = [...name.split(/[\s.'’_-]+/u), ...local.split(/[._+-]+/u), ...domain.split(/[.-]+/u)].map(folded);
  return [address, local, domain, folded(name), ...pieces.filter((piece) => characters(piece) >= 3)];
}

/**
 * The text left once every occurrence of the words is taken out, longest words first, and
 * again until nothing more comes out ("ritREPa" is "rita" once "rep" is gone).
 */
function withoutWords(text: string, words: string[]) {
  const longestFirst = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  let rest = text;
  for (let previous = ""; rest !== previous;) {
    previous = rest;
    for (const word of longestFirst) rest = rest.replaceAll(word, "");
  }
  return rest;
}

/**
 * Why `owner` may not choose `password`, in one sentence, or null when they may.
 *
 * - Spaces do not count toward the length: twelve spaces, or "a" and eleven spaces, are
 *   one keystroke repeated. A password of only spaces gets a message of its own, since
 *   "too short" would puzzle someone who typed twelve characters.
 * - What others know does not count either. The demo password is printed on the sign-in
 *   page of every demo and in the source, and the owner's name and email are known to
 *   anyone who picks them as a target. A password may contain them, but what is left
 *   without them must still be 12 characters: "Rita.Rep.2024!" is refused, "Rita's violet
 *   harbour lantern" is not. The demo password is refused in demo mode too: the demo
 *   accounts get it from the seed, not through this form, and a demo that is reachable
 *   is reachable by everyone who has read the sign-in page.
 * - Then the list of common passwords, as before.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password === "") return PASSWORD_MESSAGES.missing;
  if (password.trim() === "") return PASSWORD_MESSAGES.blank;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  const typed = folded(password);
  if (characters(typed) < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  const demo = folded(DEMO_PASSWORD);
  if (characters(withoutWords(typed, [demo])) < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.demo;
  if (characters(withoutWords(typed, [demo, ...knownWords(owner)])) < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.personal;
  if (isCommon(password)) return PASSWORD_MESSAGES.common;
  return null;
}

/**
 * A new password for `owner`, typed the same way twice. It needs to know whose password it
 * is, so it is checked once the link has said who that is (server/dal/invitations.ts).
 */
export function newPasswordSchema(owner: PasswordOwner) {
  return z
    .object({
      password: z.string({ error: PASSWORD_MESSAGES.missing }).superRefine((password, context) => {
        const problem = passwordProblem(password, owner);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
      confirmation: z.string({ error: PASSWORD_MESSAGES.confirmationMissing }),
    })
    .refine((value) => value.password === value.confirmation, { message: PASSWORD_MESSAGES.confirmationDiffers, path: ["confirmation"] });
}
