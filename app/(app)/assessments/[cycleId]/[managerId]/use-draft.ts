"use client";

import { type RefObject, useCallback, useEffect, useEffectEvent, useState } from "react";
import { type DraftContent, draftKey, hasClosed, parseDraft, serializeDraft, sweepDrafts } from "@/lib/survey/drafts";

export type Draft = DraftContent;

/** Where a draft is filed and for how long it may be kept; all of it comes from the server. */
export interface DraftPlace {
  /** The signed-in person's tag (`draftOwner`), never their id. */
  owner: string;
  cycleId: string;
  managerId: string;
  closesOn: string;
  /** The server's today: the browser's clock is not trusted to say when a cycle has closed. */
  today: string;
}

const empty: Draft = { answers: {}, comment: "" };

/** What the form's fields hold right now, including anything chosen before hydration. */
function readForm(form: HTMLFormElement): Draft {
  const answers: Record<string, string> = {};
  let comment = "";
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    if (name.startsWith("aspects.") || name.startsWith("followThrough.")) answers[name] = value;
    if (name === "comment") comment = value;
  }
  return { answers, comment };
}

function writeForm(form: HTMLFormElement, draft: Draft) {
  for (const [name, value] of Object.entries(draft.answers)) {
    const field = form.elements.namedItem(name);
    // Setting a radio group's value checks the radio with that value.
    if (field instanceof RadioNodeList) field.value = value;
  }
  const comment = form.elements.namedItem("comment");
  if (comment instanceof HTMLTextAreaElement) comment.value = draft.comment;
}

/**
 * A half-finished survey, kept only in this browser's storage so that it survives a reload.
 * The server never holds answers before submit: a draft there would be tied to its rater.
 * The storage outlives the session, so drafts are filed under the person's tag and the
 * cycle's close date (lib/survey/drafts.ts), and signing out clears them (sign-out-button.tsx).
 * `onRestore` hears, once after hydration, what the form holds once the draft is back in it.
 */
export function useDraft(place: DraftPlace, formRef: RefObject<HTMLFormElement | null>, onRestore: (restored: Draft) => void) {
  const { owner, cycleId, managerId, closesOn, today } = place;
  const restored = useEffectEvent(onRestore);
  const key = draftKey({ owner, cycleId, managerId });
  // The page only shows the form while the cycle is open; this holds if a tab outlives the close.
  const closed = hasClosed(closesOn, today);
  const [draft, setDraft] = useState<Draft>(empty);

  const store = useCallback(
    (next: Draft) => {
      if (closed) return;
      try {
        window.localStorage.setItem(key, serializeDraft(next, closesOn));
      } catch {
        // Without storage the survey still works; it just will not survive a reload.
      }
    },
    [key, closesOn, closed],
  );

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let stored: Draft | null = null;
    try {
      const storage = window.localStorage;
      // Another person's drafts and closed cycles' go before anything is read back.
      sweepDrafts(storage, owner, today);
      const raw = storage.getItem(key);
      const parsed = raw === null ? null : parseDraft(raw);
      if (raw !== null && (closed || !parsed)) storage.removeItem(key);
      else stored = parsed;
    } catch {
      // Unreadable storage: start from what is on the page.
    }
    const onPage = readForm(form);
    const base = stored ?? empty;
    // Whatever was chosen on the page before hydration wins over the stored draft.
    const merged = { answers: { ...base.answers, ...onPage.answers }, comment: onPage.comment || base.comment };
    writeForm(form, merged);
    // Storage and the DOM can only be read after hydration; the server renders an empty form.
    setDraft(merged);
    restored(merged);
    // Written again with the close date the page has now: this upgrades a first-format draft,
    // and keeps the stored date in step when an admin moves the cycle's close date.
    if (stored || Object.keys(merged.answers).length > 0 || merged.comment) store(merged);
  }, [key, owner, today, closed, formRef, store]);

  /** Call on every change in the form: records what the fields now hold. */
  const capture = useCallback(() => {
    if (!formRef.current) return;
    const next = readForm(formRef.current);
    setDraft(next);
    store(next);
  }, [formRef, store]);

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);

  return { draft, capture, clear };
}
