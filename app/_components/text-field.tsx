import type { InputHTMLAttributes } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  help?: string;
  error?: string;
  /** Classes for the input's width; the rest of its look is shared. */
  width?: string;
}

/**
 * A labelled input with optional help and error text, both tied to it for screen readers.
 * The field's name is also its id, so each name appears once per page.
 */
export function TextField({ name, label, help, error, width = "w-full", ...input }: TextFieldProps) {
  const describedBy = [help && `${name}-help`, error && `${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {help && (
        <p id={`${name}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 ${width} rounded-md border border-slate-400 bg-white px-3 py-2`}
        {...input}
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
