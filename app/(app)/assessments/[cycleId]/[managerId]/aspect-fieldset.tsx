"use client";

import type { AspectKey } from "@/lib/aspects";
import type { AspectText, InstrumentText } from "@/lib/instrument";
import { CANT_SAY, fieldName, itemsFor, type Perspective, type SurveyItem } from "@/lib/survey/fields";
import { PoleExplanations } from "@/app/_components/pole-explanations";
import { AnswerGroup, type Choice, ratingChoices } from "./answer-group";

interface AspectFieldsetProps {
  aspect: AspectText & { key: AspectKey };
  position: number;
  text: InstrumentText;
  perspective: Perspective;
  errors: Partial<Record<string, string[]>>;
}

/** One aspect of the survey: its two pole items, the team-need item for raters, and help text. */
export function AspectFieldset({ aspect, position, text, perspective, errors }: AspectFieldsetProps) {
  const needChoices: Choice[] = [
    ...([-2, -1, 0, 1, 2] as const).map((value) => ({ value: String(value), label: aspect.need.answers[value] })),
    { value: CANT_SAY, label: text.needCantSay },
  ];
  const legendOf = (item: SurveyItem) => {
    if (item === "need") return aspect.need.question;
    const pole = aspect[item];
    return perspective === "rater" ? pole.statement : pole.selfStatement;
  };
  return (
    <section aria-labelledby={`aspect-${aspect.key}`} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`aspect-${aspect.key}`} className="text-lg font-semibold">
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
          <AnswerGroup key={name} name={name} legend={legendOf(item)} choices={item === "need" ? needChoices : ratingChoices(text)} error={errors[name]?.[0]} />
        );
      })}
    </section>
  );
}
