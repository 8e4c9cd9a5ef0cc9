"use client";

import type { SurveyText } from "@/lib/instrument";
import { CANT_SAY } from "@/lib/survey/fields";

export interface Choice {
  value: string;
  /** What the radio is called: what the answer means, in words ("4 · Often"). */
  name: string;
  /** What its button shows on a phone, where five of them share one line: a digit or an arrow. */
  mark: string;
  /** What it shows where there is room for words, one entry a line. */
  words: readonly string[];
}

/** A scale of five answers from one end to the other, then "can't say" apart from them. */
export interface Scale {
  choices: readonly Choice[];
  cantSay: Choice;
  /** The words at either end, shown above the buttons on a phone. */
  ends: readonly [string, string];
}

/** "Can't say", an answer of its own: it is never counted as a low score. */
export const cantSayChoice = (label: string): Choice => ({ value: CANT_SAY, name: label, mark: label, words: [label] });

/** The rating scale, 1 never … 5 always, then "can't say": for the pole items and the follow-through items alike. */
export function ratingScale(text: Pick<SurveyText, "rating">): Scale {
  return {
    choices: ([1, 2, 3, 4, 5] as const).map((value) => ({
      value: String(value),
      name: `${value} · ${text.rating.scale[value]}`,
      mark: String(value),
      words: [String(value), text.rating.scale[value]],
    })),
    cantSay: cantSayChoice(text.rating.cantSay),
    ends: [text.rating.scale[1], text.rating.scale[5]],
  };
}

interface AnswerGroupProps {
  name: string;
  legend: string;
  scale: Scale;
  /** The answer chosen so far, to repeat its meaning under the buttons on a phone. */
  chosen: string | undefined;
  error?: string;
}

const SEGMENT =
  "relative flex min-h-11 items-center justify-center border bg-white px-1 py-1 text-center leading-tight hover:bg-slate-100 has-[:checked]:z-10 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:font-semibold has-[:checked]:text-white has-[:focus-visible]:z-20 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600";

/**
 * One question as a real radio group: a fieldset and legend, answerable with the keyboard
 * alone. The five answers sit side by side as one segmented control, in the scale's order,
 * so that left to right keeps its meaning at any width; "can't say" stands apart. Each
 * radio is named by what the answer means, whatever its button shows. The radios are
 * uncontrolled, so an answer clicked before the page has hydrated is kept; the form reads
 * and restores them through the DOM.
 */
export function AnswerGroup({ name, legend, scale, chosen, error }: AnswerGroupProps) {
  const errorId = `${name}-error`;
  const meaning = scale.choices.find((choice) => choice.value === chosen)?.name;
  const option = (choice: Choice, className: string) => (
    <label key={choice.value} className={`${SEGMENT} ${error ? "border-red-700" : "border-slate-400"} ${className}`}>
      <span aria-hidden="true" className="sm:hidden">
        {choice.mark}
      </span>
      <span aria-hidden="true" className="hidden text-sm sm:block">
        {choice.words.map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </span>
      {/* Named by what the answer means, once, whatever the button shows; it covers the whole
          button, so that a click or tap anywhere on it lands on the radio itself. */}
      <input
        type="radio"
        name={name}
        value={choice.value}
        aria-label={choice.name}
        aria-describedby={error ? errorId : undefined}
        className="absolute inset-0 m-0 cursor-pointer appearance-none outline-none"
      />
    </label>
  );
  return (
    <fieldset className="mt-5 min-w-0" aria-invalid={error ? true : undefined}>
      <legend className="font-medium">{legend}</legend>
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {/* Clear of the "can't say" button, so that the ends stand over the ends of the scale. */}
      <div aria-hidden="true" className="mt-2 mr-18 flex items-end justify-between gap-3 text-xs text-slate-700 sm:hidden">
        <span className="max-w-[48%]">{scale.ends[0]}</span>
        <span className="max-w-[48%] text-right">{scale.ends[1]}</span>
      </div>
      <div className="mt-1 flex gap-2 sm:mt-2">
        <div className="flex min-w-0 flex-1">
          {scale.choices.map((choice) => option(choice, "-ml-px flex-1 first:ml-0 first:rounded-l-md last:rounded-r-md"))}
        </div>
        {option(scale.cantSay, "w-16 shrink-0 rounded-md text-xs sm:w-24")}
      </div>
      <p aria-hidden="true" className="mt-1 min-h-4 text-xs text-slate-700 sm:hidden">
        {meaning}
      </p>
    </fieldset>
  );
}
