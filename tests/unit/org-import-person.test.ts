import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHOOSE_MANAGER, managerChoiceSchema, newPersonSchema, NO_MANAGER, personDetailsSchema } from "@/lib/org-import/person";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

describe("adding one person, by the import's rules", () => {
  const managerId = randomUUID();

  it("normalises the name and the email as an import does", () => {
    expect(newPersonSchema.parse({ name: "  Nia \n New ", email: " Nia.New@Org.Example ", managerId, isAdmin: false })).toEqual({
      name: "Nia New",
      email: "nia.new@org.example",
      managerId,
      isAdmin: false,
    });
    expect(newPersonSchema.parse({ name: "Top", email: "top@org.example", managerId: NO_MANAGER, isAdmin: true })).toMatchObject({ managerId: null });
  });

  it("gives the import's messages, field by field", () => {
    const result = newPersonSchema.safeParse({ name: "  ", email: "not-an-email", managerId: "boss", isAdmin: false });
    expect(errorsOf(result)).toEqual([
      ["name", "The name is missing."],
      ["email", "“not-an-email” is not a valid email address."],
      ["managerId", CHOOSE_MANAGER],
    ]);
    expect(errorsOf(newPersonSchema.safeParse({ name: "x".repeat(201), email: "", isAdmin: false }))).toEqual([
      ["name", "The name is longer than 200 characters."],
      ["email", "The email is missing."],
      ["managerId", CHOOSE_MANAGER],
    ]);
    expect(errorsOf(newPersonSchema.safeParse({ name: "Jos\uFFFD", email: "a@org.example", managerId, isAdmin: false }))).toEqual([
      ["name", "The name has characters that could not be read."],
    ]);
    expect(errorsOf(newPersonSchema.safeParse({ isAdmin: false }))).toEqual([
      ["name", "The name is missing."],
      ["email", "The email is missing."],
      ["managerId", CHOOSE_MANAGER],
    ]);
  });

  it("counts the name in characters, as the database does", () => {
    expect(personDetailsSchema.safeParse({ name: "😀".repeat(200), isAdmin: false }).success).toBe(true);
    expect(personDetailsSchema.safeParse({ name: "😀".repeat(201), isAdmin: false }).success).toBe(false);
  });
});

describe("the manager picker's choice", () => {
  it("is a person's id, or nobody", () => {
    const id = randomUUID();
    expect(managerChoiceSchema.parse(id)).toBe(id);
    expect(managerChoiceSchema.parse(NO_MANAGER)).toBeNull();
    for (const bad of [undefined, "", "x", `${id}x`, "NONE"]) expect(managerChoiceSchema.safeParse(bad).success).toBe(false);
  });
});
