import type { InputHTMLAttributes } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  /** Needed only when the same name appears more than once on a page (one form per row, say). */
  id?: string;
  label: string;
  help?: string;
  error?: string;
  /** Classes for the input's width; the rest of its look is shared. */
  width?: string;
}

/**
 * A labelled input with optional help and error text, both tied to it for screen readers.
 * The field's id is its name unless given.
 */
export function TextField({ name, id = name, label, help, error, width = "w-full", ...input }: TextFieldProps) {
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 ${width} rounded-md border border-slate-400 bg-white px-3 py-2`}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
