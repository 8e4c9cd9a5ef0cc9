"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import { Button } from "@/app/_components/button";
import { ASPECT_KEYS } from "@/lib/aspects";
import { instrumentText, orderedAspects } from "@/lib/instrument";
import { FOLLOW_THROUGH_POSITIONS, type Perspective, surveyProgress } from "@/lib/survey/fields";
import type { FollowThroughQuestion } from "@/server/dal/assessments";
import type { SurveyState } from "@/server/assessments/submit-survey";
import { submitSurveyAction } from "./actions";
import { AspectFieldset } from "./aspect-fieldset";
import { CommentField } from "./comment-field";
import { FollowThroughFieldset } from "./follow-through-fieldset";
import { useDraft } from "./use-draft";

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
}

const initial: SurveyState = { status: "idle", message: "", fieldErrors: {} };
const text = instrumentText();
const aspects = orderedAspects(text);

export function SurveyForm(props: SurveyFormProps) {
  const { draftOwner, closesOn, today, perspective, cycleId, managerId, title, subtitle, managerFirstName, commentThreshold, followThrough } = props;
  const [state, formAction, pending] = useActionState(submitSurveyAction, initial);
  const form = useRef<HTMLFormElement>(null);
  const { draft, capture, clear } = useDraft({ owner: draftOwner, cycleId, managerId, closesOn, today }, form);
  const router = useRouter();
  const summary = useRef<HTMLDivElement>(null);
  const positions = followThrough.map((item) => item.position);
  const progress = surveyProgress(draft.answers, perspective, positions);

  useEffect(() => {
    if (state.status === "success" && state.done) {
      clear();
      router.replace(`/assessments/${state.done.cycleId}/${state.done.managerId}/done`);
    } else if (state.status === "error") {
      summary.current?.focus();
    }
  }, [state, clear, router]);

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
        <p className="text-sm">{perspective === "rater" ? text.raterIntro : text.selfIntro}</p>
        <p className="text-sm text-slate-700">{text.rating.help}</p>
      </header>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="managerId" value={managerId} />
      {perspective === "rater" && <input type="hidden" name={FOLLOW_THROUGH_POSITIONS} value={positions.join(",")} />}

      <div className="sticky top-0 z-10 -mx-4 border-b border-slate-200 bg-slate-50/95 px-4 py-2">
        <label htmlFor="progress" className="text-sm font-medium">
          {progress.done} of {progress.total} {progress.unit}
        </label>
        <progress id="progress" max={progress.total} value={progress.done} className="ml-3 h-2 w-40 align-middle accent-brand-700" />
      </div>

      <div ref={summary} tabIndex={-1} aria-live="assertive" role="alert" className="outline-none">
        {state.status === "error" && <p className="rounded-md border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800">{state.message}</p>}
      </div>

      {aspects.map((aspect, index) => (
        <AspectFieldset key={aspect.key} aspect={aspect} position={index + 1} text={text} perspective={perspective} errors={state.fieldErrors} />
      ))}

      {perspective === "rater" && followThrough.length > 0 && (
        <FollowThroughFieldset
          questions={followThrough}
          position={ASPECT_KEYS.length + 1}
          managerFirstName={managerFirstName}
          text={text}
          errors={state.fieldErrors}
        />
      )}

      {perspective === "rater" && (
        <CommentField
          prompt={text.comment.prompt}
          warning={`${managerFirstName} will read your comment word for word, without your name, once at least ${commentThreshold} colleagues have written one. Leave out details that would point to you.`}
          value={draft.comment}
          error={state.fieldErrors.comment?.[0]}
        />
      )}

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" size="lg" pending={pending} pendingLabel="Sending…" disabled={state.status === "success"}>
          Submit my answers
        </Button>
        <p className="text-sm text-slate-700">Your answers stay in this browser until you submit.</p>
      </div>
    </form>
  );
}
