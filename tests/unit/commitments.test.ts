import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_KEYS } from "@/lib/aspects";
import {
  ACTION_ID_ASPECT,
  ACTION_ID_DIRECTION,
  checkLibraryChoice,
  checkOwnText,
  COMMITMENT_FIELDS,
  COMMITMENT_POSITIONS,
  COMMITMENT_TEXT_MAX_LENGTH,
  type CommitmentInput,
  commitmentFormValues,
  commitmentListSchema,
  commitmentsFormSchema,
  commitmentText,
  LIBRARY_GROUPS,
  libraryEntry,
  MAX_COMMITMENTS,
  OWN_CHOICE,
  placementLabel,
  readCommitmentForm,
  removeCommitmentSchema,
  RETIRED_ACTION_TEXT,
  sameCommitment,
  TEXT_MISSING,
  TEXT_TOO_LONG,
  TOO_FEW,
  TOO_MANY,
} from "@/lib/commitments";
import { DIRECTIONS } from "@/lib/recommendations";

const entries = LIBRARY_GROUPS.flatMap((group) => group.entries);
const CYCLE = "3f0c8a52-7d2e-4c1b-9a55-2b8e4f6d7c10";

const aspect = fc.constantFrom(...ASPECT_KEYS);
const direction = fc.constantFrom(...DIRECTIONS);
const libraryCommitment: fc.Arbitrary<CommitmentInput> = fc
  .constantFrom(...entries)
  .map((entry) => ({ source: "library", actionId: entry.action.id, aspect: entry.aspect, direction: entry.direction }));
/** Own words as a manager types them: printable, with any spaces around them. */
const ownWords = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."abcdefghij klmnopqrstuvwxyzÄé.,!?'"), minLength: 1, maxLength: COMMITMENT_TEXT_MAX_LENGTH }),
    fc.nat(3),
    fc.nat(3),
  )
  .map(([text, before, after]) => `${" ".repeat(before)}${text}${" ".repeat(after)}`)
  .filter((text) => text.trim().length > 0);
const ownCommitment: fc.Arbitrary<CommitmentInput> = fc.record({ source: fc.constant("own" as const), text: ownWords, aspect, direction });
const commitment = fc.oneof(libraryCommitment, ownCommitment);
const trimmed = (item: CommitmentInput): CommitmentInput => (item.source === "own" ? { ...item, text: item.text.trim() } : item);
/** One to three that are not the same one twice. */
const list = fc.uniqueArray(commitment, {
  minLength: 1,
  maxLength: MAX_COMMITMENTS,
  selector: (item) => (item.source === "library" ? `library:${item.actionId}` : `own:${item.text.trim().toLowerCase()}`),
});

describe("the library, as commitments use it", () => {
  it("files every action under the aspect and direction its id names, as the database checks", () => {
    expect(entries.length).toBeGreaterThanOrEqual(ASPECT_KEYS.length * DIRECTIONS.length * 3);
    for (const entry of entries) {
      expect(entry.action.id.startsWith(`${ACTION_ID_ASPECT[entry.aspect]}.${ACTION_ID_DIRECTION[entry.direction]}.`), entry.action.id).toBe(true);
      expect(libraryEntry(entry.action.id)).toEqual(entry);
    }
    expect(new Set(Object.values(ACTION_ID_ASPECT)).size).toBe(ASPECT_KEYS.length);
    expect(LIBRARY_GROUPS.map((group) => group.label)).toContain("Motivation · More leading");
  });

  it("accepts a library action only under its own aspect and direction", () => {
    fc.assert(
      fc.property(fc.constantFrom(...entries), aspect, direction, (entry, chosenAspect, chosenDirection) => {
        const check = checkLibraryChoice(entry.action.id, chosenAspect, chosenDirection);
        const matches = chosenAspect === entry.aspect && chosenDirection === entry.direction;
        expect(check.ok).toBe(matches);
        if (!check.ok) {
          expect(check.problem).toBe("mismatch");
          expect(check.message).toContain(
            `That action is for ${placementLabel(entry.aspect, entry.direction)}, not ${placementLabel(chosenAspect, chosenDirection)}.`,
          );
        }
      }),
    );
    expect(checkLibraryChoice("focus.leading.made-up", "focus", "more_leading")).toMatchObject({ ok: false, problem: "unknown" });
  });
});

describe("the words of a commitment", () => {
  it("are the library's for a library action and the manager's own otherwise", () => {
    fc.assert(
      fc.property(commitment, (item) => {
        expect(commitmentText(item)).toBe(item.source === "own" ? item.text : libraryEntry(item.actionId)!.action.text);
      }),
    );
    expect(commitmentText({ source: "library", actionId: "focus.leading.retired", aspect: "focus", direction: "more_leading" })).toBe(RETIRED_ACTION_TEXT);
  });

  it("in the manager's own words: 1 to the limit of characters once trimmed, on one line", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: COMMITMENT_TEXT_MAX_LENGTH + 20 }), (text) => {
        const checked = checkOwnText(text);
        const cut = text.trim();
        const valid = cut.length >= 1 && cut.length <= COMMITMENT_TEXT_MAX_LENGTH && !/[\u0000-\u001f\u007f]/.test(cut);
        expect(checked.ok).toBe(valid);
        if (checked.ok) expect(checked.text).toBe(cut);
      }),
    );
    expect(checkOwnText("   ")).toEqual({ ok: false, message: TEXT_MISSING });
    expect(checkOwnText("x".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1))).toEqual({ ok: false, message: TEXT_TOO_LONG });
    expect(checkOwnText(` ${"x".repeat(COMMITMENT_TEXT_MAX_LENGTH)} `)).toEqual({ ok: true, text: "x".repeat(COMMITMENT_TEXT_MAX_LENGTH) });
  });
});

describe("a list of commitments", () => {
  it("takes one to three, none repeated, with own words trimmed", () => {
    fc.assert(
      fc.property(list, (items) => {
        expect(commitmentListSchema.parse(items)).toEqual(items.map(trimmed));
      }),
    );
  });

  it("refuses none, more than three, and the same one twice", () => {
    expect(commitmentListSchema.safeParse([]).error?.issues[0]?.message).toBe(TOO_FEW);
    expect(commitmentListSchema.safeParse([{ source: "own", text: " ", aspect: "focus", direction: "more_leading" }]).error?.issues[0]?.message).toBe(
      TEXT_MISSING,
    );
    fc.assert(
      fc.property(fc.array(commitment, { minLength: MAX_COMMITMENTS + 1, maxLength: MAX_COMMITMENTS + 3 }), (items) => {
        expect(commitmentListSchema.safeParse(items).error?.issues.map((issue) => issue.message)).toContain(TOO_MANY);
      }),
    );
    fc.assert(
      fc.property(commitment, (item) => {
        expect(commitmentListSchema.safeParse([item, item]).success).toBe(false);
        expect(sameCommitment(item, item)).toBe(true);
      }),
    );
  });
});

describe("the commitments form", () => {
  it("reads back the list it shows, whatever rows are left empty in between", () => {
    fc.assert(
      fc.property(list, fc.shuffledSubarray(COMMITMENT_POSITIONS as number[], { minLength: MAX_COMMITMENTS, maxLength: MAX_COMMITMENTS }), (items, places) => {
        expect(readCommitmentForm(commitmentFormValues(items))).toEqual({ ok: true, commitments: items.map(trimmed) });
        // The same rows in other places, with empty ones between them: the order of the places decides.
        const chosen = places.slice(0, items.length).sort();
        const moved: Record<string, string> = Object.fromEntries(COMMITMENT_FIELDS.map((field) => [field, ""]));
        const values = commitmentFormValues(items);
        chosen.forEach((place, index) => {
          for (const field of ["choice", "aspect", "direction", "text"])
            moved[`${field}${place}`] = values[`${field}${index + 1}` as keyof typeof values] ?? "";
        });
        expect(readCommitmentForm(moved)).toEqual({ ok: true, commitments: items.map(trimmed) });
      }),
    );
  });

  it("says which field is wrong", () => {
    const focus = LIBRARY_GROUPS[1]!.entries[0]!;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{}, { choice1: TOO_FEW }],
      [
        { choice1: OWN_CHOICE, text1: " " },
        { text1: TEXT_MISSING, aspect1: "Choose the aspect it works on.", direction1: "Choose a direction." },
      ],
      [{ choice2: "nothing.like.this" }, { choice2: "Choose an action from the list." }],
      [
        { choice1: focus.action.id, aspect1: "motivation" },
        { choice1: expect.stringMatching(/^That action is for Focus · More leading, not Motivation · More leading\./) },
      ],
      [{ choice1: focus.action.id, choice3: focus.action.id }, { choice3: "You chose this action twice." }],
      [{ choice1: focus.action.id, aspect2: "bribery" }, { aspect2: "Choose an aspect from the list." }],
    ];
    for (const [values, errors] of cases) expect(readCommitmentForm(values)).toEqual({ ok: false, errors });
  });

  it("takes words typed without choosing “Write my own” as the manager's own, and a library pick's place from the library", () => {
    const entry = LIBRARY_GROUPS[4]!.entries[2]!;
    expect(readCommitmentForm({ text1: " Mine. ", aspect1: "focus", direction1: "build_both", choice2: entry.action.id, text2: "ignored" })).toEqual({
      ok: true,
      commitments: [
        { source: "own", text: "Mine.", aspect: "focus", direction: "build_both" },
        { source: "library", actionId: entry.action.id, aspect: entry.aspect, direction: entry.direction },
      ],
    });
  });

  it("reports each problem on its field through the schema, and the cycle as unknown", () => {
    const parsed = commitmentsFormSchema.safeParse({
      cycleId: CYCLE,
      choice1: OWN_CHOICE,
      text1: "x".repeat(COMMITMENT_TEXT_MAX_LENGTH + 1),
      aspect1: "focus",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["text1", TEXT_TOO_LONG],
      ["direction1", "Choose a direction."],
    ]);
    expect(commitmentsFormSchema.safeParse({ cycleId: "1 OR 1=1", choice1: OWN_CHOICE }).error?.issues[0]).toMatchObject({
      path: ["cycleId"],
      message: "Unknown cycle.",
    });
    expect(commitmentsFormSchema.parse({ cycleId: CYCLE, choice1: OWN_CHOICE, text1: "Mine.", aspect1: "focus", direction1: "more_leading" })).toEqual({
      cycleId: CYCLE,
      commitments: [{ source: "own", text: "Mine.", aspect: "focus", direction: "more_leading" }],
    });
  });

  it("removes by a place in the list, 1 to the most", () => {
    for (const position of COMMITMENT_POSITIONS)
      expect(removeCommitmentSchema.parse({ cycleId: CYCLE, position: String(position) })).toEqual({ cycleId: CYCLE, position });
    for (const position of ["0", String(MAX_COMMITMENTS + 1), "1.5", "", "one"]) {
      expect(removeCommitmentSchema.safeParse({ cycleId: CYCLE, position }).error?.issues[0]?.message).toBe("Unknown commitment.");
    }
  });
});
