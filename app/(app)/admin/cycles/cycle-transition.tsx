"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/button";
import { StatusMessage } from "@/app/_components/status-message";
import { ALLOW_OVERLAP_FIELD, ALLOW_OVERLAP_LABEL, stillOpenNotice } from "@/lib/cycle-overlap";
import { closeCycleAction, type CycleTransitionState, openCycleAction } from "./actions";

const initial: CycleTransitionState = { status: "idle", message: "", fieldErrors: {} };

type CycleState = "draft" | "open" | "closed";
type Transition = "open" | "close";

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

/** The state each transition starts from, and the one it reaches. */
const MOVES: Record<Transition, { from: CycleState; to: CycleState }> = {
  open: { from: "draft", to: "open" },
  close: { from: "open", to: "closed" },
};

/** The transition a cycle in this state can take next. */
const NEXT: Record<CycleState, Transition | null> = { draft: "open", open: "close", closed: null };

/**
 * The outcome to show for a cycle now in `state`: that of the transition asked for last, and
 * only while the cycle is in the state it speaks of. A success belongs to the state it
 * reached ("The cycle is open" shows while it is open, and goes once it has closed); a
 * refusal to the state it was refused in. Without JavaScript the page comes back whole
 * with one outcome, and nothing says which was asked for last.
 */
function announcement(state: CycleState, last: Transition | null, outcomes: Record<Transition, CycleTransitionState>) {
  const asked = last ? [last] : (["open", "close"] as const);
  for (const transition of asked) {
    const outcome = outcomes[transition];
    if (outcome.status === "idle") continue;
    if ((outcome.status === "success" ? MOVES[transition].to : MOVES[transition].from) === state) return outcome;
  }
  return null;
}

interface CycleTransitionProps {
  cycleId: string;
  cycleName: string;
  state: CycleState;
  /** For a draft: the cycles open now, which opening it would overlap. */
  openElsewhere?: readonly string[];
  /** For an open cycle: how many teams would get results if it closed now. */
  closeNote?: string;
}

/**
 * A cycle's next step, opening or closing, and the outcome of the last one. Both are one-way,
 * so each asks once more before it happens. One per cycle, kept across its states, so that
 * the outcome of a step stays in view after the row has moved on.
 */
export function CycleTransition({ cycleId, cycleName, state, openElsewhere = [], closeNote }: CycleTransitionProps) {
  const [opened, open, opening] = useActionState(openCycleAction, initial);
  const [closed, close, closing] = useActionState(closeCycleAction, initial);
  const [confirming, setConfirming] = useState<Transition | null>(null);
  const [last, setLast] = useState<Transition | null>(null);
  const outcome = announcement(state, last, { open: opened, close: closed });
  const transition = NEXT[state];
  const overlapId = `${cycleId}-${ALLOW_OVERLAP_FIELD}`;
  return (
    <div className="space-y-1">
      {/* The form exists only once there is something to submit: a form without a submit control confuses assistive technology (WCAG H32). */}
      {transition &&
        (confirming === transition ? (
          <form action={transition === "open" ? open : close} onSubmit={() => setLast(transition)}>
            <input type="hidden" name="cycleId" value={cycleId} />
            <div className="space-y-2">
              <p className="max-w-xs text-sm">{COPY[transition].warning}</p>
              {transition === "close" && closeNote && <p className="max-w-xs text-sm">{closeNote}</p>}
              {transition === "open" && openElsewhere.length > 0 && (
                <div className="max-w-xs space-y-1 text-sm">
                  <p>{stillOpenNotice(openElsewhere)}</p>
                  <div className="flex items-start gap-2">
                    <input id={overlapId} name={ALLOW_OVERLAP_FIELD} type="checkbox" className="mt-1" />
                    <label htmlFor={overlapId}>{ALLOW_OVERLAP_LABEL}</label>
                  </div>
                </div>
              )}
              <div className="flex gap-2">
                <Button type="submit" size="sm" pending={opening || closing}>
                  {COPY[transition].confirm}
                </Button>
                <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(null)}>
                  Cancel
                </Button>
              </div>
            </div>
          </form>
        ) : (
          <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(transition)} aria-label={`${COPY[transition].button} ${cycleName}`}>
            {COPY[transition].button}
          </Button>
        ))}
      <StatusMessage status={outcome?.status}>{outcome?.message}</StatusMessage>
    </div>
  );
}
