"use client";

import { type RefObject, useCallback, useEffect, useState } from "react";

export interface Draft {
  answers: Record<string, string>;
  comment: string;
}

const empty: Draft = { answers: {}, comment: "" };

/** What the form's fields hold right now, including anything chosen before hydration. */
function readForm(form: HTMLFormElement): Draft {
  const answers: Record<string, string> = {};
  let comment = "";
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    if (name.startsWith("aspects.")) answers[name] = value;
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
 */
export function useDraft(key: string, formRef: RefObject<HTMLFormElement | null>) {
  const [draft, setDraft] = useState<Draft>(empty);

  const save = useCallback(
    (next: Draft) => {
      setDraft(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Without storage the survey still works; it just will not survive a reload.
      }
    },
    [key],
  );

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let stored = empty;
    try {
      stored = { ...empty, ...(JSON.parse(window.localStorage.getItem(key) ?? "{}") as Partial<Draft>) };
    } catch {
      // Unreadable storage: start from what is on the page.
    }
    const onPage = readForm(form);
    // Whatever was chosen on the page before hydration wins over the stored draft.
    const merged = { answers: { ...stored.answers, ...onPage.answers }, comment: onPage.comment || stored.comment };
    writeForm(form, merged);
    // Storage and the DOM can only be read after hydration; the server renders an empty form.
    setDraft(merged);
  }, [key, formRef]);

  /** Call on every change in the form: records what the fields now hold. */
  const capture = useCallback(() => {
    if (formRef.current) save(readForm(formRef.current));
  }, [formRef, save]);

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);

  return { draft, capture, clear };
}
