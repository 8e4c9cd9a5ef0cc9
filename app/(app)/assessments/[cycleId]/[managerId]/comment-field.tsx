"use client";

import { COMMENT_MAX_LENGTH } from "@/lib/aspects";

interface CommentFieldProps {
  prompt: string;
  warning: string;
  /** The current text, for the counter; the textarea itself is uncontrolled like the radios. */
  value: string;
  error?: string;
  /** Classes that hide the section while another part is on a phone's screen. */
  className: string;
}

const characters = (value: string) => [...value].length;

/** The optional comment, with a live count and a plain warning that it is shown word for word. */
export function CommentField({ prompt, warning, value, error, className }: CommentFieldProps) {
  const used = characters(value.trim());
  const over = used > COMMENT_MAX_LENGTH;
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 sm:p-6 ${className}`}>
      <label htmlFor="comment" className="text-lg font-semibold">
        {prompt} <span className="text-sm font-normal text-slate-700">(optional)</span>
      </label>
      <p id="comment-warning" className="mt-1 text-sm text-amber-900">
        {warning}
      </p>
      <textarea
        id="comment"
        name="comment"
        rows={5}
        aria-describedby={`comment-warning comment-count${error ? " comment-error" : ""}`}
        aria-invalid={over || error ? true : undefined}
        className="mt-2 block w-full rounded-md border border-slate-400 px-3 py-2"
      />
      <p id="comment-count" className={`mt-1 text-sm ${over ? "font-medium text-red-700" : "text-slate-700"}`}>
        {used.toLocaleString("en")} of {COMMENT_MAX_LENGTH.toLocaleString("en")} characters
      </p>
      {error && (
        <p id="comment-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
