"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { DataTable } from "@/app/_components/data-table";
import { StatusMessage } from "@/app/_components/status-message";
import { MAX_IMPORT_BYTES } from "@/lib/org-import/limits";
import type { ImportCounts } from "@/server/dal/org-import";
import { type ImportFormState, type ImportPreviewSummary, importAction, type PreviewList } from "./actions";

const initial: ImportFormState = { status: "idle", message: "", fieldErrors: {} };
const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

const number = (value: number) => value.toLocaleString("en");

function PeopleTable({ id, title, list, showLine = true }: { id: string; title: string; list: PreviewList; showLine?: boolean }) {
  if (list.total === 0) return null;
  const more = list.total - list.people.length;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        {title} ({number(list.total)})
      </h3>
      <DataTable
        className="min-w-[36rem]"
        alignTop
        rows={list.people}
        rowKey={(person) => person.email}
        columns={[
          showLine && { header: "Line", className: "tabular-nums", cell: (person) => person.line },
          { header: "Name", rowHeader: true, cell: (person) => person.name },
          { header: "Email", className: "break-all", cell: (person) => person.email },
          { header: "What changes", cell: (person) => person.detail },
        ]}
      />
      {more > 0 && <p className="text-sm text-slate-700">… and {number(more)} more.</p>}
    </section>
  );
}

function Preview({ preview }: { preview: ImportPreviewSummary }) {
  const { counts } = preview;
  const figures = [
    { label: "Rows read", value: counts.rows },
    { label: "To add", value: counts.added },
    { label: "To update", value: counts.updated },
    { label: "To move", value: counts.moved },
    { label: "To deactivate", value: counts.deactivated },
    { label: "Unchanged", value: counts.unchanged },
  ];
  const hiddenErrors = preview.errorTotal - preview.errors.length;
  return (
    <div className="space-y-6">
      {preview.errorTotal > 0 ? (
        <section aria-labelledby="import-errors-heading" className="space-y-2">
          <h3 id="import-errors-heading" className="font-semibold text-red-800">
            Errors ({number(preview.errorTotal)})
          </h3>
          <DataTable
            tone="danger"
            className="min-w-[36rem]"
            alignTop
            rows={preview.errors}
            rowKey={(_error, index) => index}
            columns={[
              { header: "Line", headerClassName: "w-24", className: "tabular-nums", cell: (error) => error.line },
              { header: "Problem", cell: (error) => error.message },
            ]}
          />
          {hiddenErrors > 0 && (
            <p className="text-sm text-slate-700">
              The first {number(preview.errors.length)} errors are listed; {number(hiddenErrors)} more follow. Check that this is the right file.
            </p>
          )}
        </section>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-6">
            {figures.map((figure) => (
              <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
                <dt className="text-sm text-slate-700">{figure.label}</dt>
                <dd className="text-xl font-semibold tabular-nums">{number(figure.value)}</dd>
              </div>
            ))}
          </dl>
          <PeopleTable id="import-add-heading" title="To add" list={preview.add} />
          <PeopleTable id="import-update-heading" title="To update" list={preview.update} />
          <PeopleTable id="import-move-heading" title="To move to another manager" list={preview.move} />
          <PeopleTable id="import-deactivate-heading" title="To deactivate" list={preview.deactivate} showLine={false} />
        </>
      )}
    </div>
  );
}

function AppliedSummary({ counts }: { counts: ImportCounts }) {
  const figures = [
    { label: "Added", value: counts.added },
    { label: "Updated", value: counts.updated },
    { label: "Moved", value: counts.moved },
    { label: "Deactivated", value: counts.deactivated },
    { label: "Unchanged", value: counts.unchanged },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-slate-200 px-3 py-2">
          <dt className="text-sm text-slate-700">{figure.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{number(figure.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Choose a file, preview it, then apply exactly that file. The form is submitted by hand
 * rather than through its action prop, so that React does not clear the chosen file after
 * the preview: the Apply button sends the same file again, with the preview's hash.
 */
export function ImportForm() {
  const [state, dispatch, pending] = useActionState(importAction, initial);
  const [localError, setLocalError] = useState("");
  // A preview describes the file chosen when it ran; choosing another file retires it.
  const [stale, setStale] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state !== initial) resultHeading.current?.focus();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter instanceof HTMLButtonElement && submitter.value === "apply" ? "apply" : "preview";
    const formData = new FormData(event.currentTarget);
    formData.set("intent", intent);
    const file = formData.get("file");
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) {
      setLocalError(`The file is larger than ${MEGABYTES} MB. Import at most ${MEGABYTES} MB at a time.`);
      return;
    }
    setLocalError("");
    if (intent === "preview") setStale(false);
    startTransition(() => dispatch(formData));
  }

  const preview = stale ? undefined : state.preview;
  const canApply =
    preview !== undefined && preview.errorTotal === 0 && preview.counts.added + preview.counts.updated + preview.counts.moved + preview.counts.deactivated > 0;
  const message = localError || (stale && state.preview ? "You chose another file: preview it before applying." : state.message);
  const isError = Boolean(localError) || state.status === "error";
  const fileError = localError || state.fieldErrors.file?.[0];

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            CSV file (at most {MEGABYTES} MB)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={() => {
              setStale(true);
              setLocalError("");
            }}
            aria-invalid={fileError ? true : undefined}
            aria-describedby="import-file-hint"
            className="mt-1 block rounded-md border border-slate-400 bg-white text-sm file:mr-3 file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium"
          />
        </div>
        <Button type="submit" name="intent" value="preview" pending={pending}>
          Preview
        </Button>
      </div>
      <p id="import-file-hint" className="text-sm text-slate-700">
        Previewing changes nothing. You can apply the file once its preview has no errors.
      </p>

      <StatusMessage status={isError ? "error" : "success"} size="base">
        {pending ? "Working…" : message}
      </StatusMessage>

      {(preview || state.applied) && (
        <section aria-labelledby="import-result-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="import-result-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
            {state.applied ? "Import finished" : `Preview of ${preview?.fileName || "the file"}`}
          </h2>
          {preview && <Preview preview={preview} />}
          {state.applied && <AppliedSummary counts={state.applied} />}
          {canApply && (
            <div className="space-y-2 border-t border-slate-200 pt-4">
              <input type="hidden" name="fileHash" value={preview.fileHash} />
              <p className="text-sm">
                Applying makes these changes in one go, or none of them if anything goes wrong. Open cycles keep the reporting lines they started with.
              </p>
              {preview.counts.deactivated > 0 && (
                <p className="text-sm font-medium">
                  {preview.counts.deactivated === 1 ? "1 person is" : `${number(preview.counts.deactivated)} people are`} deactivated and signed out at once.
                </p>
              )}
              <Button type="submit" name="intent" value="apply" pending={pending}>
                Apply these changes
              </Button>
            </div>
          )}
        </section>
      )}
    </form>
  );
}
