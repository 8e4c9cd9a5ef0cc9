"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { ASPECT_KEYS } from "@/lib/aspects";
import type { SurveyText } from "@/lib/instrument";
import { FOLLOW_THROUGH_POSITIONS, type Perspective, surveyProgress } from "@/lib/survey/fields";
import { firstMarkedField, firstUnfinishedPart, partLabel, surveyParts } from "@/lib/survey/parts";
import type { FollowThroughQuestion } from "@/server/dal/assessments";
import type { SurveyState } from "@/server/assessments/submit-survey";
import { submitSurveyAction } from "./actions";
import { AspectFieldset } from "./aspect-fieldset";
import { CommentField } from "./comment-field";
import { FollowThroughFieldset } from "./follow-through-fieldset";
import { SurveyPager } from "./survey-pager";
import { useDraft } from "./use-draft";
import { useSurveyPages } from "./use-survey-pages";

interface SurveyFormProps {
  /** Whose draft this browser may keep (`draftOwner`), until when, and the server's today. */
  draftOwner: string;
  closesOn: string;
  today: string;
  perspective: Perspective;
  cycleId: string;
  managerId: string;
  title: string;
  subtitle: string;
  managerFirstName: string;
  commentThreshold: number;
  /** The follow-through items: one per commitment the manager made after their last report. */
  followThrough: readonly FollowThroughQuestion[];
  text: SurveyText;
}

const initial: SurveyState = { status: "idle", message: "", fieldErrors: {} };

export function SurveyForm(props: SurveyFormProps) {
  const { draftOwner, closesOn, today, perspective, cycleId, managerId, title, subtitle, managerFirstName, commentThreshold, followThrough, text } = props;
  const [state, formAction, pending] = useActionState(submitSurveyAction, initial);
  const form = useRef<HTMLFormElement>(null);
  const positions = useMemo(() => followThrough.map((item) => item.position), [followThrough]);
  const parts = useMemo(() => surveyParts(perspective, positions), [perspective, positions]);
  const pages = useSurveyPages(parts, form);
  const { resume, focusField } = pages;
  const { draft, capture, clear } = useDraft({ owner: draftOwner, cycleId, managerId, closesOn, today }, form, (restored) =>
    resume(firstUnfinishedPart(parts, restored.answers)),
  );
  const router = useRouter();
  const summary = useRef<HTMLDivElement>(null);
  const progress = surveyProgress(draft.answers, perspective, positions);
  const onScreen = (index: number) => pages.hiddenOffScreen(index === pages.index);
  const last = parts.length - 1;

  useEffect(() => {
    if (state.status === "success" && state.done) {
      clear();
      router.replace(`/assessments/${state.done.cycleId}/${state.done.managerId}/done`);
    } else if (state.status === "error") {
      // The alert above the parts says what is wrong; the first question it concerns takes
      // the focus, on its own screen on a phone. A message about the whole form keeps it.
      const field = firstMarkedField(parts, state.fieldErrors) ?? (state.fieldErrors.comment ? "comment" : null);
      if (field) focusField(field);
      else summary.current?.focus();
    }
  }, [state, clear, router, parts, focusField]);

  // Submitting through the action prop would make React reset the form afterwards, wiping
  // every answer when the server asks for a correction. With JavaScript, send it by hand;
  // without, the action prop still works.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form ref={form} action={formAction} onSubmit={submit} onChange={capture} className="mx-auto max-w-3xl space-y-6" noValidate>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-slate-700">{subtitle}</p>
        <div className={`space-y-2 ${onScreen(0)}`}>
          <p className="text-sm">{perspective === "rater" ? text.raterIntro : text.selfIntro}</p>
          <p className="text-sm text-slate-700">{text.rating.help}</p>
        </div>
      </header>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="managerId" value={managerId} />
      {perspective === "rater" && <input type="hidden" name={FOLLOW_THROUGH_POSITIONS} value={positions.join(",")} />}

      <div className="sticky top-0 z-30 -mx-4 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50/95 px-4 py-2">
        <p className="font-semibold unscripted:hidden sm:hidden">{partLabel(pages.index, parts)}</p>
        <label htmlFor="progress" className="text-sm font-medium">
          {progress.done} of {progress.total} {progress.unit} answered
        </label>
        <progress id="progress" max={progress.total} value={progress.done} className="h-2 w-full accent-brand-700 sm:w-40" />
      </div>

      <div ref={summary} tabIndex={-1} aria-live="assertive" role="alert" className="outline-none">
        {state.status === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800">{state.message}</p>}
      </div>

      {text.aspects.map((aspect, index) => (
        <AspectFieldset
          key={aspect.key}
          aspect={aspect}
          position={index + 1}
          text={text}
          perspective={perspective}
          answers={draft.answers}
          errors={state.fieldErrors}
          className={onScreen(index)}
        />
      ))}

      {perspective === "rater" && followThrough.length > 0 && (
        <FollowThroughFieldset
          questions={followThrough}
          position={ASPECT_KEYS.length + 1}
          managerFirstName={managerFirstName}
          text={text}
          answers={draft.answers}
          errors={state.fieldErrors}
          className={onScreen(last)}
        />
      )}

      {perspective === "rater" && (
        <CommentField
          prompt={text.comment.prompt}
          warning={`${managerFirstName} will read your comment word for word, without your name, once at least ${commentThreshold} colleagues have written one. Leave out details that would point to you.`}
          value={draft.comment}
          error={state.fieldErrors.comment?.[0]}
          className={onScreen(last)}
        />
      )}

      <SurveyPager index={pages.index} count={parts.length} go={pages.go} pending={pending} submitted={state.status === "success"} />
    </form>
  );
}
