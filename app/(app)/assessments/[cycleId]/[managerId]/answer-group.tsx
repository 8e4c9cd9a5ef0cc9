"use client";

import type { InstrumentText } from "@/lib/instrument";
import { CANT_SAY } from "@/lib/survey/fields";

export interface Choice {
  value: string;
  label: string;
}

/** The rating scale's answers, 1 never … 5 always, then "can't say": for the pole items and the follow-through items alike. */
export function ratingChoices(text: InstrumentText): Choice[] {
  return [
    ...([1, 2, 3, 4, 5] as const).map((value) => ({ value: String(value), label: `${value} · ${text.rating.scale[value]}` })),
    { value: CANT_SAY, label: text.rating.cantSay },
  ];
}

interface AnswerGroupProps {
  name: string;
  legend: string;
  choices: Choice[];
  error?: string;
}

/**
 * One question as a real radio group: a fieldset and legend, answerable with the keyboard
 * alone. The radios are uncontrolled, so an answer clicked before the page has hydrated is
 * kept; the form reads and restores them through the DOM.
 */
export function AnswerGroup({ name, legend, choices, error }: AnswerGroupProps) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="mt-4" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="font-medium">{legend}</legend>
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold"
          >
            <input type="radio" name={name} value={choice.value} className="accent-brand-700" />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
