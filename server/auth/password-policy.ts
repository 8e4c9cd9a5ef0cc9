import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

let commonPasswords: Set<string> | undefined;

/** The common-password list, read once. Entries shorter than the minimum are left out of it. */
function isCommon(password: string) {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "server", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return commonPasswords.has(password.toLowerCase());
}

/** A new password: long, not on the list of common ones, and typed the same way twice. */
export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: "Choose a password." })
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`)
      .max(256, "Use at most 256 characters.")
      .refine((password) => !isCommon(password), "This password is on a list of commonly used passwords. Choose another."),
    confirmation: z.string({ error: "Type the password again." }),
  })
  .refine((value) => value.password === value.confirmation, { message: "The two passwords differ.", path: ["confirmation"] });
