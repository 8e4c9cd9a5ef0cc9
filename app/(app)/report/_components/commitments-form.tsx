"use client";

import { type FormEvent, type ReactNode, startTransition, useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { TextField } from "@/app/_components/text-field";
import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import {
  COMMITMENT_POSITIONS,
  COMMITMENT_TEXT_MAX_LENGTH,
  type CommitmentField,
  type CommitmentFormValues,
  LIBRARY_GROUPS,
  libraryEntry,
  OWN_CHOICE,
  type SlotField,
  slotFieldName,
} from "@/lib/commitment-fields";
import { en } from "@/lib/instrument/en";
import { DIRECTION_LABELS, DIRECTIONS, type Direction } from "@/lib/recommendations/library";
import { type CommitmentsFormState, removeCommitmentAction, type RemoveCommitmentState, saveCommitmentsAction } from "../actions";

const idle = { status: "idle", message: "", fieldErrors: {} } as const;

/** A suggested action of the report, as the form offers it first. */
export interface SuggestedChoice {
  actionId: string;
  text: string;
  aspect: AspectKey;
  direction: Direction;
}

/** A commitment as the list shows it. */
export interface ListedCommitment {
  position: number;
  text: string;
  /** "Motivation · More leading", and whose words. */
  detail: string;
}

/** The list of commitments; with `cycleId`, each has a button that takes it off, and the list is a form. */
export function CommitmentList({ items, empty, cycleId }: { items: readonly ListedCommitment[]; empty: string; cycleId?: string }) {
  const list =
    items.length === 0 ? (
      <p className="text-slate-700">{empty}</p>
    ) : (
      <ol className="space-y-2" aria-label="Commitments">
        {items.map((item) => (
          <li key={item.position} className="report-card flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
            <div className="min-w-0 flex-1 basis-64">
              <p className="font-semibold">
                {item.position}. {item.text}
              </p>
              <p className="mt-1 text-sm text-slate-700">{item.detail}</p>
            </div>
            {cycleId !== undefined && <RemoveButton position={item.position} text={item.text} />}
          </li>
        ))}
      </ol>
    );
  return cycleId === undefined ? list : <RemovableList cycleId={cycleId}>{list}</RemovableList>;
}

function RemovableList({ cycleId, children }: { cycleId: string; children: ReactNode }) {
  const [state, formAction] = useActionState<RemoveCommitmentState, FormData>(removeCommitmentAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      {children}
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}

function RemoveButton({ position, text }: { position: number; text: string }) {
  return (
    <Button type="submit" name="position" value={String(position)} variant="secondary" size="sm" className="print:hidden" aria-label={`Remove “${text}”`}>
      Remove
    </Button>
  );
}

// Whether React runs in the page: without it, every row shows its text field.
const subscribe = () => () => {};
const useScripts = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

const SELECT = "mt-1 block w-full max-w-full rounded-md border border-slate-400 bg-white px-3 py-2";

function SelectField({
  id,
  label,
  value,
  onChange,
  error,
  children,
}: {
  id: CommitmentField;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={SELECT}
      >
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * One place in the list: an aspect, a direction and an action. Picking an aspect or a
 * direction narrows the actions to the library's for it; picking an action sets both.
 * "Write my own" asks for the words. Without JavaScript nothing narrows and the words'
 * field always shows: the server reads the row the same way (lib/commitment-fields).
 */
function Slot({
  position,
  initial,
  errors,
  suggested,
}: {
  position: number;
  initial: CommitmentFormValues;
  errors: Partial<Record<CommitmentField, string[]>>;
  suggested: readonly SuggestedChoice[];
}) {
  const name = (field: SlotField) => slotFieldName(field, position);
  const [aspect, setAspect] = useState(initial[name("aspect")] ?? "");
  const [direction, setDirection] = useState(initial[name("direction")] ?? "");
  const [choice, setChoice] = useState(initial[name("choice")] || (initial[name("text")] ? OWN_CHOICE : ""));
  const [text, setText] = useState(initial[name("text")] ?? "");
  const scripts = useScripts();
  const fits = (place: { aspect: string; direction: string }) => (!aspect || place.aspect === aspect) && (!direction || place.direction === direction);
  const suggestedIds = new Set(suggested.map((pick) => pick.actionId));

  const pick = (value: string) => {
    setChoice(value);
    const entry = libraryEntry(value);
    if (entry) {
      setAspect(entry.aspect);
      setDirection(entry.direction);
    }
  };
  const narrow = (set: (value: string) => void, field: "aspect" | "direction") => (value: string) => {
    set(value);
    const entry = libraryEntry(choice);
    if (entry && value && entry[field] !== value) setChoice("");
  };
  const error = (field: SlotField) => errors[name(field)]?.[0];
  const shownSuggestions = scripts ? suggested.filter(fits) : suggested;
  const groups = scripts ? LIBRARY_GROUPS.filter(fits) : LIBRARY_GROUPS;

  return (
    <fieldset className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <legend className="px-1 font-semibold">
        Commitment {position}
        {position > 1 && <span className="font-normal text-slate-700"> (optional)</span>}
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id={name("aspect")} label="Aspect" value={aspect} onChange={narrow(setAspect, "aspect")} error={error("aspect")}>
          <option value="">Any aspect</option>
          {ASPECT_KEYS.map((key) => (
            <option key={key} value={key}>
              {en.aspects[key].name}
            </option>
          ))}
        </SelectField>
        <SelectField id={name("direction")} label="Direction" value={direction} onChange={narrow(setDirection, "direction")} error={error("direction")}>
          <option value="">Any direction</option>
          {DIRECTIONS.map((key) => (
            <option key={key} value={key}>
              {DIRECTION_LABELS[key]}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField id={name("choice")} label="Action" value={choice} onChange={pick} error={error("choice")}>
        <option value="">No commitment</option>
        {shownSuggestions.length > 0 && (
          <optgroup label="Suggested for you">
            {shownSuggestions.map((pick) => (
              <option key={pick.actionId} value={pick.actionId}>
                {pick.text}
              </option>
            ))}
          </optgroup>
        )}
        {groups.map((group) => {
          const entries = group.entries.filter((entry) => !suggestedIds.has(entry.action.id));
          return (
            entries.length > 0 && (
              <optgroup key={group.label} label={group.label}>
                {entries.map((entry) => (
                  <option key={entry.action.id} value={entry.action.id}>
                    {entry.action.text}
                  </option>
                ))}
              </optgroup>
            )
          );
        })}
        <option value={OWN_CHOICE}>Write my own</option>
      </SelectField>
      {(!scripts || choice === OWN_CHOICE) && (
        <TextField
          name={name("text")}
          label="Your own action"
          help={
            scripts
              ? `What you will do, in up to ${COMMITMENT_TEXT_MAX_LENGTH} characters, for the aspect and direction above.`
              : `Only with “Write my own”: what you will do, in up to ${COMMITMENT_TEXT_MAX_LENGTH} characters, for the aspect and direction above.`
          }
          maxLength={COMMITMENT_TEXT_MAX_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={error("text")}
        />
      )}
    </fieldset>
  );
}

/**
 * The whole list at once, one row per place: save it to replace the commitments. What was
 * typed comes back with a refusal, and a save shows what was saved.
 */
export function CommitmentsForm({
  cycleId,
  values,
  suggested,
  labelledBy,
}: {
  cycleId: string;
  values: CommitmentFormValues;
  suggested: readonly SuggestedChoice[];
  labelledBy: string;
}) {
  const [state, formAction, pending] = useActionState<CommitmentsFormState, FormData>(saveCommitmentsAction, idle);
  const shown = state.values ?? values;
  // A new answer starts the rows again from what it holds: what was typed, or what was saved.
  const generation = JSON.stringify(shown);
  // React resets a form once its action has run, which puts a select back on its first
  // option behind React's back: the rows would show one thing and send another. With
  // scripts the form is sent from here, which leaves it as it is; without them, the action
  // attribute posts it and a whole page comes back.
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form action={formAction} onSubmit={send} className="space-y-3 print:hidden" aria-labelledby={labelledBy}>
      <input type="hidden" name="cycleId" value={cycleId} />
      {COMMITMENT_POSITIONS.map((position) => (
        <Slot key={`${position}:${generation}`} position={position} initial={shown} errors={state.fieldErrors} suggested={suggested} />
      ))}
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save commitments
      </Button>
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}
