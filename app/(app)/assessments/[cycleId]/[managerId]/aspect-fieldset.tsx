"use client";

import type { AspectKey, Need } from "@/lib/aspects";
import type { AspectText, SurveyText } from "@/lib/instrument";
import { fieldName, itemsFor, type Perspective, type SurveyItem } from "@/lib/survey/fields";
import { PoleExplanations } from "@/app/_components/pole-explanations";
import { AnswerGroup, cantSayChoice, ratingScale, type Scale } from "./answer-group";

interface AspectFieldsetProps {
  aspect: AspectText & { key: AspectKey };
  position: number;
  text: SurveyText;
  perspective: Perspective;
  /** The answers chosen so far, by field name. */
  answers: Readonly<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  /** Classes that hide the section while another part is on a phone's screen. */
  className: string;
}

/** On a phone the need buttons show which way they lean and how far: more of one side, the balance, more of the other. */
const NEED_MARKS: Readonly<Record<Need, string>> = { [-2]: "«", [-1]: "‹", 0: "=", 1: "›", 2: "»" };

function needScale(aspect: AspectText, text: SurveyText): Scale {
  const { answers } = aspect.need;
  return {
    choices: ([-2, -1, 0, 1, 2] as const).map((value) => ({ value: String(value), name: answers[value], mark: NEED_MARKS[value], words: [answers[value]] })),
    cantSay: cantSayChoice(text.needCantSay),
    ends: [answers[-2], answers[2]],
  };
}

/** One aspect of the survey: its two pole items, the team-need item for raters, and help text. */
export function AspectFieldset({ aspect, position, text, perspective, answers, errors, className }: AspectFieldsetProps) {
  const legendOf = (item: SurveyItem) => {
    if (item === "need") return aspect.need.question;
    const pole = aspect[item];
    return perspective === "rater" ? pole.statement : pole.selfStatement;
  };
  return (
    <section aria-labelledby={`aspect-${aspect.key}`} className={`rounded-lg border border-slate-200 bg-white p-4 sm:p-6 ${className}`}>
      <h2 id={`aspect-${aspect.key}`} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {position}. {aspect.name}
      </h2>
      <p className="text-sm text-slate-700">{aspect.summary}</p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">What do the two sides mean?</summary>
        <PoleExplanations aspect={aspect} className="mt-2 space-y-2" />
      </details>
      {itemsFor(perspective).map((item) => {
        const name = fieldName(aspect.key, item);
        return (
          <AnswerGroup
            key={name}
            name={name}
            legend={legendOf(item)}
            scale={item === "need" ? needScale(aspect, text) : ratingScale(text)}
            chosen={answers[name]}
            error={errors[name]?.[0]}
          />
        );
      })}
    </section>
  );
}
