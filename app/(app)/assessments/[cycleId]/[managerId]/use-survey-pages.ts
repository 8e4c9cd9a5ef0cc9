"use client";

import { type RefObject, useCallback, useEffect, useState } from "react";
import { partOfField, type SurveyPart } from "@/lib/survey/parts";

/** The id of the heading of a part's section (aspect-fieldset.tsx, follow-through-fieldset.tsx). */
export const partHeadingId = (part: SurveyPart) => (part.key === "followThrough" ? "follow-through" : `aspect-${part.key}`);

/** What to do once a part is on screen: nothing, bring its heading into view, or focus a question. */
type Arrival = { kind: "stay" } | { kind: "heading"; id: string } | { kind: "field"; name: string };

function arrive(form: HTMLFormElement, arrival: Arrival) {
  if (arrival.kind === "heading") {
    form.scrollIntoView({ block: "start" });
    document.getElementById(arrival.id)?.focus({ preventScroll: true });
  } else if (arrival.kind === "field") {
    const field = form.elements.namedItem(arrival.name);
    // A radio group focuses its chosen answer if it has one, else its first.
    const target = field instanceof RadioNodeList ? ([...field].find((radio) => (radio as HTMLInputElement).checked) ?? field[0]) : field;
    if (!(target instanceof HTMLElement)) return;
    target.focus({ preventScroll: true });
    (target.closest("fieldset") ?? target).scrollIntoView({ block: "center" });
  }
}

/**
 * The survey one part per screen on a phone. The parts off screen are hidden only where the
 * browser runs scripts (the `scripted` variant, a CSS media query), from the first paint:
 * the server renders the first screen, so nothing jumps when React takes over, and without
 * JavaScript every part shows and the form posts whole. On wider screens every part shows
 * whatever the index says, which only matters there for focusing a question.
 */
export function useSurveyPages(parts: readonly SurveyPart[], form: RefObject<HTMLFormElement | null>) {
  const [view, setView] = useState<{ index: number; arrival: Arrival }>({ index: 0, arrival: { kind: "stay" } });

  useEffect(() => {
    if (form.current) arrive(form.current, view.arrival);
  }, [view, form]);

  // Stable, so that effects which call them run only when what they react to changes.
  const go = useCallback((index: number) => setView({ index, arrival: { kind: "heading", id: partHeadingId(parts[index]!) } }), [parts]);
  const resume = useCallback((index: number) => setView({ index, arrival: { kind: "stay" } }), []);
  const focusField = useCallback((name: string) => setView({ index: partOfField(parts, name), arrival: { kind: "field", name } }), [parts]);

  return {
    index: view.index,
    /** The classes of something that a phone running scripts shows only while `onScreen`. */
    hiddenOffScreen: (onScreen: boolean) => (onScreen ? "" : "scripted:max-sm:hidden"),
    /** Previous and Next: the part's heading takes the focus, so a screen reader reads where it is. */
    go,
    /** Picks up a draft where it stopped, leaving the focus where it is. */
    resume,
    /** Brings a question on screen and focuses it. */
    focusField,
  };
}
