"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { formatSigned } from "@/lib/format";
import { situationalTarget } from "@/lib/scoring";
import type { SituationKey } from "@/lib/situations";
import { DIGITS } from "@/lib/teams/rows";
import { SITUATION_TEXT, situationsFavouring } from "@/lib/teams/situations";
import { saveSituationsAction, type SituationsFormState } from "./actions";

const initial: SituationsFormState = { status: "idle", message: "", fieldErrors: {} };

const GROUPS = [
  { side: "management", legend: "Situations that favour managing" },
  { side: "leadership", legend: "Situations that favour leading" },
] as const;

/** The ten situations as checkboxes, with the overall balance they would call for, saved as a new history entry. */
export function SituationsForm({ managerId, latestId, current }: { managerId: string; latestId: string | null; current: SituationKey[] }) {
  const [state, formAction, pending] = useActionState(saveSituationsAction, initial);
  const error = state.fieldErrors.situations?.[0];
  return (
    <form action={formAction} className="space-y-4" aria-describedby={error ? "situations-error" : undefined}>
      <input type="hidden" name="managerId" value={managerId} />
      <input type="hidden" name="basedOn" value={latestId ?? ""} />
      {/* A new history entry (a save by anyone) starts the boxes again from the saved situation. */}
      <Choices key={latestId ?? "none"} current={current} />
      {error && (
        <p id="situations-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save situation
      </Button>
      <StatusMessage status={state.status}>{state.message}</StatusMessage>
    </form>
  );
}

function Choices({ current }: { current: SituationKey[] }) {
  const [marked, setMarked] = useState<SituationKey[]>(current);
  const toggle = (key: SituationKey, on: boolean) => setMarked((keys) => (on ? [...keys, key] : keys.filter((k) => k !== key)));
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        {GROUPS.map((group) => (
          <fieldset key={group.side} className="rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 font-semibold">{group.legend}</legend>
            <ul className="space-y-3">
              {situationsFavouring(group.side).map((key) => (
                <li key={key} className="flex gap-3">
                  <input
                    id={`situation-${key}`}
                    type="checkbox"
                    name="situations"
                    value={key}
                    checked={marked.includes(key)}
                    onChange={(event) => toggle(key, event.target.checked)}
                    aria-describedby={`situation-${key}-help`}
                    className="mt-1"
                  />
                  <div>
                    <label htmlFor={`situation-${key}`} className="font-medium">
                      {SITUATION_TEXT[key].label}
                    </label>
                    <p id={`situation-${key}-help`} className="text-sm text-slate-700">
                      {SITUATION_TEXT[key].explanation}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
      <p className="text-sm">
        With these marks the situation would call for <strong>{formatSigned(situationalTarget(marked), DIGITS.target)}</strong>.
      </p>
    </>
  );
}
