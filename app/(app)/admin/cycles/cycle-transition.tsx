"use client";

import { useActionState, useState } from "react";
import { closeCycleAction, type CycleFormState, openCycleAction } from "./actions";

const initial: CycleFormState = { status: "idle", message: "", fieldErrors: {} };

const COPY = {
  open: {
    button: "Open",
    warning: "Opening takes a snapshot of who rates whom from today's reporting tree. It cannot be undone.",
    confirm: "Yes, open it",
  },
  close: {
    button: "Close",
    warning: "Closing is final: no more answers are taken, results appear, and the cycle never reopens.",
    confirm: "Yes, close it",
  },
} as const;

/** Opening and closing are one-way, so each asks once more before it happens. */
export function CycleTransition({ cycleId, cycleName, transition }: { cycleId: string; cycleName: string; transition: "open" | "close" }) {
  const [state, formAction, pending] = useActionState(transition === "open" ? openCycleAction : closeCycleAction, initial);
  const [confirming, setConfirming] = useState(false);
  const copy = COPY[transition];
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="cycleId" value={cycleId} />
      {confirming ? (
        <div className="space-y-2">
          <p className="max-w-xs text-sm">{copy.warning}</p>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60">
              {copy.confirm}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 px-3 py-1 text-sm">
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          aria-label={`${copy.button} ${cycleName}`}
          className="rounded-md border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          {copy.button}
        </button>
      )}
      <p role="status" aria-live="polite" className={state.status === "error" ? "text-sm font-medium text-red-700" : "text-sm text-emerald-800"}>
        {state.message}
      </p>
    </form>
  );
}
