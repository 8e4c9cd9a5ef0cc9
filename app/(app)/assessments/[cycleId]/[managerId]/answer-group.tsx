"use client";

export interface Choice {
  value: string;
  label: string;
}

interface AnswerGroupProps {
  name: string;
  legend: string;
  choices: Choice[];
  value: string | undefined;
  error?: string;
  onChange: (value: string) => void;
}

/** One question as a real radio group: a fieldset and legend, answerable with the keyboard alone. */
export function AnswerGroup({ name, legend, choices, value, error, onChange }: AnswerGroupProps) {
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
        {choices.map((choice) => {
          const id = `${name}-${choice.value}`;
          return (
            <div key={choice.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                className="peer sr-only"
              />
              <label
                htmlFor={id}
                className="block cursor-pointer rounded-md border border-slate-400 bg-white px-3 py-2 text-sm peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
              >
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
