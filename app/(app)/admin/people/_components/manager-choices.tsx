import { NO_MANAGER } from "@/lib/org-import/manager-choice";
import type { ManagerCandidate } from "@/server/dal/people";

interface ManagerChoicesProps {
  /** Makes the ids of this picker's inputs unique on the page. */
  idPrefix: string;
  legend: string;
  candidates: ManagerCandidate[];
  /** The choice to show as made: what was sent with a refused form. */
  selected?: string;
  error?: string;
}

/**
 * The second half of the manager picker: the people the search found, as radio buttons
 * named `managerId`, and "No manager" for the top of the organisation. Only active people
 * are ever listed; the data access layer checks the choice again.
 */
export function ManagerChoices({ idPrefix, legend, candidates, selected, error }: ManagerChoicesProps) {
  const errorId = `${idPrefix}-error`;
  const choice = (value: string, label: string, detail?: string) => {
    const id = `${idPrefix}-${value}`;
    return (
      <li key={value} className="flex items-start gap-2">
        <input
          id={id}
          type="radio"
          name="managerId"
          value={value}
          defaultChecked={selected === value}
          aria-describedby={error ? errorId : undefined}
          className="mt-1.5 h-4 w-4 accent-brand-700"
        />
        <label htmlFor={id}>
          {label}
          {detail && <span className="block text-sm break-all text-slate-700">{detail}</span>}
        </label>
      </li>
    );
  };
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <ul className="space-y-2">
        {candidates.map((candidate) =>
          choice(
            candidate.id,
            candidate.name,
            `${candidate.email} · ${candidate.managerName ? `reports to ${candidate.managerName}` : "at the top of the organisation"}`,
          ),
        )}
        {choice(NO_MANAGER, "No manager: the top of the organisation")}
      </ul>
    </fieldset>
  );
}
