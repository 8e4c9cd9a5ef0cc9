"use client";

import type { SurveyText } from "@/lib/instrument";
import { followThroughField } from "@/lib/survey/fields";
import type { FollowThroughQuestion } from "@/server/dal/assessments";
import { AnswerGroup, ratingScale } from "./answer-group";

interface FollowThroughFieldsetProps {
  questions: readonly FollowThroughQuestion[];
  position: number;
  managerFirstName: string;
  text: SurveyText;
  /** The answers chosen so far, by field name. */
  answers: Readonly<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  /** Classes that hide the section while another part is on a phone's screen. */
  className: string;
}

/**
 * The survey's follow-through part: after their last report the manager committed to
 * practising some actions, and the team says how often they saw each. Answered like any
 * other item, on the rating scale or "can't say", and sealed with the rest.
 */
export function FollowThroughFieldset({ questions, position, managerFirstName, text, answers, errors, className }: FollowThroughFieldsetProps) {
  const scale = ratingScale(text);
  return (
    <section aria-labelledby="follow-through" className={`rounded-lg border border-slate-200 bg-white p-4 sm:p-6 ${className}`}>
      <h2 id="follow-through" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {position}. What {managerFirstName} set out to practise
      </h2>
      <p className="text-sm text-slate-700">
        After their last report, {managerFirstName} committed to practising {questions.length === 1 ? "this" : "these"}. Your answers are anonymous like the
        rest, and {managerFirstName} sees them only as a team average.
      </p>
      {questions.map(({ position: place, question }) => {
        const name = followThroughField(place);
        return <AnswerGroup key={name} name={name} legend={question} scale={scale} chosen={answers[name]} error={errors[name]?.[0]} />;
      })}
    </section>
  );
}
