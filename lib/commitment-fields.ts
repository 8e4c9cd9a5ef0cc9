/**
 * Commitments without zod: the limits, the library lookups, the display text and the
 * names of the form's fields. The report's commitments form ships this module to the
 * browser; the schemas that check what comes back are in lib/commitments.ts.
 */
import { ASPECT_KEYS, type AspectKey } from "./aspects";
import { en } from "./instrument/en";
import { type Action, ACTIONS, DIRECTION_LABELS, DIRECTIONS, type Direction } from "./recommendations/library";

/** A manager commits to at least one action after a report, and at most this many; the database enforces the most (commitments_position_range). */
export const MIN_COMMITMENTS = 1;
export const MAX_COMMITMENTS = 3;
/** The longest action a manager writes in their own words; the database enforces the same (commitments_custom_text). */
export const COMMITMENT_TEXT_MAX_LENGTH = 280;

/** The places of a manager's list, 1 to MAX_COMMITMENTS. */
export const COMMITMENT_POSITIONS: readonly number[] = Array.from({ length: MAX_COMMITMENTS }, (_, index) => index + 1);

/**
 * How a library action's id starts: `<aspect>.<direction>.<slug>`, with these words.
 * The database checks a stored id against its row's aspect and direction with them
 * (commitments_action_id_placement); a unit test checks every id of the library.
 */
export const ACTION_ID_ASPECT: Readonly<Record<AspectKey, string>> = {
  focus: "focus",
  decision_making: "decision",
  motivation: "motivation",
  communication: "communication",
  adaptability: "adaptability",
  conflict_resolution: "conflict",
  development: "development",
};
export const ACTION_ID_DIRECTION: Readonly<Record<Direction, string>> = { more_managing: "managing", more_leading: "leading", build_both: "both" };

/** A library action with the aspect and direction it is filed under. */
export interface LibraryEntry {
  readonly action: Action;
  readonly aspect: AspectKey;
  readonly direction: Direction;
}

/** The library's actions for one aspect and direction, in the library's order. */
export interface LibraryGroup {
  readonly aspect: AspectKey;
  readonly direction: Direction;
  readonly label: string;
  readonly entries: readonly LibraryEntry[];
}

/** "Motivation · More leading". */
export const placementLabel = (aspect: AspectKey, direction: Direction) => `${en.aspects[aspect].name} · ${DIRECTION_LABELS[direction]}`;

/** The whole library, one group per aspect and direction, in instrument order. */
export const LIBRARY_GROUPS: readonly LibraryGroup[] = ASPECT_KEYS.flatMap((aspect) =>
  DIRECTIONS.map((direction) => ({
    aspect,
    direction,
    label: placementLabel(aspect, direction),
    entries: ACTIONS[aspect][direction].map((action) => ({ action, aspect, direction })),
  })),
);

const BY_ID: ReadonlyMap<string, LibraryEntry> = new Map(LIBRARY_GROUPS.flatMap((group) => group.entries.map((entry) => [entry.action.id, entry] as const)));

/** The library action with this id, where it is filed; undefined for an id the library does not have. */
export function libraryEntry(actionId: string): LibraryEntry | undefined {
  return BY_ID.get(actionId);
}

/** One commitment: an action from the library, or the manager's own words, tied to an aspect and a direction. */
export type CommitmentInput =
  | { readonly source: "library"; readonly actionId: string; readonly aspect: AspectKey; readonly direction: Direction }
  | { readonly source: "own"; readonly text: string; readonly aspect: AspectKey; readonly direction: Direction };

export type LibraryCheck =
  | { readonly ok: true; readonly entry: LibraryEntry }
  | { readonly ok: false; readonly problem: "unknown"; readonly message: string }
  | { readonly ok: false; readonly problem: "mismatch"; readonly entry: LibraryEntry; readonly message: string };

/** Whether a library action exists and is filed under this aspect and direction, with the message for when it is not. */
export function checkLibraryChoice(actionId: string, aspect: AspectKey, direction: Direction): LibraryCheck {
  const entry = libraryEntry(actionId);
  if (!entry) return { ok: false, problem: "unknown", message: "Choose an action from the list." };
  if (entry.aspect !== aspect || entry.direction !== direction) {
    return {
      ok: false,
      problem: "mismatch",
      entry,
      message: `That action is for ${placementLabel(entry.aspect, entry.direction)}, not ${placementLabel(aspect, direction)}. Choose one listed for the aspect and direction you picked, or change them.`,
    };
  }
  return { ok: true, entry };
}

/** Shown for an id the library no longer has: a frozen commitment keeps the id it was made with. */
export const RETIRED_ACTION_TEXT = "An action that is no longer in the library.";

/** What the manager will practise, in words: the library's text, or their own. */
export function commitmentText(commitment: CommitmentInput): string {
  return commitment.source === "own" ? commitment.text : (libraryEntry(commitment.actionId)?.action.text ?? RETIRED_ACTION_TEXT);
}

/** Whether two commitments are the same one: the same library action, or the same words in the same place. */
export function sameCommitment(a: CommitmentInput, b: CommitmentInput): boolean {
  if (a.source === "library") return b.source === "library" && a.actionId === b.actionId;
  return b.source === "own" && a.text === b.text && a.aspect === b.aspect && a.direction === b.direction;
}

/**
 * The index of an earlier entry that a commitment repeats, or -1: the same library action
 * twice, or the same own words twice (whatever their case).
 */
export function repeatOf(list: readonly CommitmentInput[], index: number): number {
  const item = list[index];
  if (!item) return -1;
  return list.findIndex(
    (other, at) =>
      at < index &&
      (item.source === "library"
        ? other.source === "library" && other.actionId === item.actionId
        : other.source === "own" && other.text.toLowerCase() === item.text.toLowerCase()),
  );
}

export const REPEATED_ACTION = "You chose this action twice.";
export const REPEATED_TEXT = "You wrote this one twice.";
export const TOO_FEW = "Choose at least one action, or write your own.";
export const TOO_MANY = `Commit to at most ${MAX_COMMITMENTS} actions.`;
export const TEXT_MISSING = "Write what you will do, or choose an action from the list.";
export const TEXT_TOO_LONG = `Keep it to ${COMMITMENT_TEXT_MAX_LENGTH} characters.`;
export const TEXT_ONE_LINE = "Write it on one line, without special characters.";
export const ASPECT_MISSING = "Choose the aspect it works on.";
export const DIRECTION_MISSING = "Choose a direction.";

/** Control characters: neither the form nor the database takes them in an own action. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The trimmed own text, or the message that refuses it. */
export function checkOwnText(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, message: TEXT_MISSING };
  if (trimmed.length > COMMITMENT_TEXT_MAX_LENGTH) return { ok: false, message: TEXT_TOO_LONG };
  if (CONTROL.test(trimmed)) return { ok: false, message: TEXT_ONE_LINE };
  return { ok: true, text: trimmed };
}

// The form: one row of fields per place in the list.

/** The action select's value for "write my own"; any other value but "" is a library id. */
export const OWN_CHOICE = "own";
export const SLOT_FIELDS = ["choice", "aspect", "direction", "text"] as const;
export type SlotField = (typeof SLOT_FIELDS)[number];
export type CommitmentField = `${SlotField}${number}`;

export const slotFieldName = (field: SlotField, position: number): CommitmentField => `${field}${position}`;
export const COMMITMENT_FIELDS: readonly CommitmentField[] = COMMITMENT_POSITIONS.flatMap((position) =>
  SLOT_FIELDS.map((field) => slotFieldName(field, position)),
);

export type CommitmentFormValues = Partial<Record<CommitmentField, string>>;

/** The form's fields for a list of commitments: what the form shows to change them. */
export function commitmentFormValues(list: readonly CommitmentInput[]): CommitmentFormValues {
  const values: CommitmentFormValues = {};
  for (const position of COMMITMENT_POSITIONS) {
    const item = list[position - 1];
    values[slotFieldName("choice", position)] = item ? (item.source === "library" ? item.actionId : OWN_CHOICE) : "";
    values[slotFieldName("aspect", position)] = item?.aspect ?? "";
    values[slotFieldName("direction", position)] = item?.direction ?? "";
    values[slotFieldName("text", position)] = item?.source === "own" ? item.text : "";
  }
  return values;
}

const isAspect = (value: string): value is AspectKey => (ASPECT_KEYS as readonly string[]).includes(value);
const isDirection = (value: string): value is Direction => (DIRECTIONS as readonly string[]).includes(value);

export type FormReading = { ok: true; commitments: CommitmentInput[] } | { ok: false; errors: Partial<Record<CommitmentField, string>> };

/**
 * Reads the form's rows into a list, in order, leaving out empty rows. A row is:
 * - empty: no action chosen and nothing written;
 * - a library action: its id, with the aspect and direction it is filed under (an aspect or
 *   direction picked as well must be that one: without JavaScript the list is not filtered);
 * - the manager's own: "write my own", or no action chosen but something written (without
 *   JavaScript the text field shows on every row), with an aspect and a direction.
 * Every problem is reported on the field that has it.
 */
export function readCommitmentForm(values: CommitmentFormValues): FormReading {
  const errors: Partial<Record<CommitmentField, string>> = {};
  const commitments: CommitmentInput[] = [];
  const at: CommitmentField[] = [];
  for (const position of COMMITMENT_POSITIONS) {
    const field = (name: SlotField) => slotFieldName(name, position);
    const value = (name: SlotField) => (values[field(name)] ?? "").trim();
    const [choice, aspect, direction, text] = [value("choice"), value("aspect"), value("direction"), values[field("text")] ?? ""];
    if (aspect !== "" && !isAspect(aspect)) errors[field("aspect")] = "Choose an aspect from the list.";
    if (direction !== "" && !isDirection(direction)) errors[field("direction")] = "Choose a direction from the list.";
    if (choice === "" && text.trim() === "") continue;
    if (choice === OWN_CHOICE || choice === "") {
      const own = checkOwnText(text);
      if (!own.ok) errors[field("text")] = own.message;
      if (aspect === "") errors[field("aspect")] = ASPECT_MISSING;
      if (direction === "") errors[field("direction")] = DIRECTION_MISSING;
      if (own.ok && isAspect(aspect) && isDirection(direction)) {
        commitments.push({ source: "own", text: own.text, aspect, direction });
        at.push(field("text"));
      }
      continue;
    }
    const entry = libraryEntry(choice);
    if (!entry) {
      errors[field("choice")] = "Choose an action from the list.";
      continue;
    }
    const check = checkLibraryChoice(choice, isAspect(aspect) ? aspect : entry.aspect, isDirection(direction) ? direction : entry.direction);
    if (!check.ok) errors[field("choice")] = check.message;
    else {
      commitments.push({ source: "library", actionId: choice, aspect: entry.aspect, direction: entry.direction });
      at.push(field("choice"));
    }
  }
  commitments.forEach((item, index) => {
    if (repeatOf(commitments, index) >= 0) errors[at[index]!] = item.source === "library" ? REPEATED_ACTION : REPEATED_TEXT;
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (commitments.length < MIN_COMMITMENTS) return { ok: false, errors: { [slotFieldName("choice", 1)]: TOO_FEW } };
  return { ok: true, commitments };
}
