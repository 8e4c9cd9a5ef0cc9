"use server";

import { z } from "zod";
import { IMPORT_MODES, type ImportMode, MAX_IMPORT_BYTES } from "@/lib/org-import";
import { runAction } from "@/server/action";
import { applyImport, type ImportCounts, ImportRuleError, previewImport } from "@/server/dal/org-import";
import { getDb } from "@/server/db";
import type { FormState } from "@/server/form-state";

/** How many people each list of the preview shows; the rest are counted. */
const SHOWN_PER_LIST = 50;
/** How many errors a preview sends back; a file with more is the wrong file, and the rest are counted. */
const SHOWN_ERRORS = 1_000;

export interface PreviewPerson {
  line?: number;
  email: string;
  name: string;
  /** What changes for them, in words. */
  detail: string;
}

export interface PreviewList {
  people: PreviewPerson[];
  total: number;
}

export interface ImportPreviewSummary {
  fileName: string;
  fileHash: string;
  mode: ImportMode;
  counts: ImportCounts;
  /** People active now, and which confirmations applying needs (see lib/org-import/brake.ts). */
  activeBefore: number;
  confirm: { deactivations: boolean; massDeactivation: boolean };
  errors: { line: number; message: string }[];
  errorTotal: number;
  add: PreviewList;
  update: PreviewList;
  move: PreviewList;
  deactivate: PreviewList;
}

export type ImportFormState = FormState<"file"> & {
  preview?: ImportPreviewSummary;
  applied?: ImportCounts;
};

const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

const csvFile = (missing: string) =>
  z
    .instanceof(File, { error: missing })
    .refine((file) => file.name !== "" || file.size > 0, { error: missing, abort: true })
    .refine((file) => file.size > 0, { error: "This file is empty.", abort: true })
    .refine((file) => file.size <= MAX_IMPORT_BYTES, { error: `The file is larger than ${MEGABYTES} MB.` });

const CHOOSE_MODE = "Choose what the import does: add and update only, or full replace.";
/** Add and update only unless the form says otherwise: nobody is deactivated. */
const mode = z.enum(IMPORT_MODES, { error: CHOOSE_MODE }).default("update");
/** A confirmation box carries the number of deactivations it was shown with; anything else confirms nothing. */
const confirmedCount = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()
  .catch(undefined);

const importSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), mode, file: csvFile("Choose a CSV file.") }),
  z.object({
    intent: z.literal("apply"),
    mode,
    file: csvFile("Choose the file you previewed."),
    fileHash: z.string({ error: "Preview the file before applying it." }).regex(/^[0-9a-f]{64}$/, { error: "Preview the file before applying it." }),
    confirmDeactivations: confirmedCount,
    confirmMassDeactivation: confirmedCount,
  }),
]);

const listOf = <T>(items: T[], describe: (item: T) => PreviewPerson): PreviewList => ({
  people: items.slice(0, SHOWN_PER_LIST).map(describe),
  total: items.length,
});

const manager = (email: string | null) => email ?? "nobody (top of the tree)";
const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

function updateDetail(changes: string[], previousName: string, wasAdmin: boolean) {
  return changes
    .map((change) => {
      if (change === "name") return `name was ${previousName}`;
      if (change === "admin") return wasAdmin ? "no longer an administrator" : "becomes an administrator";
      return "reactivated";
    })
    .join("; ");
}

/**
 * The import page's one action. "preview" plans the file, in the mode chosen ("update", add
 * and update only, unless "replace" is chosen), and shows what would change; "apply" sends
 * the same file with the preview's hash, and the confirmations a full replace needs, and
 * the data access layer plans it again from scratch before writing anything.
 */
export async function importAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  return runAction(formData, {
    name: "org import",
    gate: "admin",
    can: "import the org chart",
    schema: importSchema,
    input: (formData) => ({
      intent: formData.get("intent"),
      mode: formData.get("mode") ?? undefined,
      file: formData.get("file"),
      fileHash: formData.get("fileHash") ?? undefined,
      confirmDeactivations: formData.get("confirmDeactivations") ?? undefined,
      confirmMassDeactivation: formData.get("confirmMassDeactivation") ?? undefined,
    }),
    // The one field is the file: whatever is wrong is said there.
    invalid: (fieldErrors) => {
      const message = fieldErrors.file?.[0] ?? fieldErrors.fileHash?.[0] ?? fieldErrors.mode?.[0] ?? "Choose a CSV file, then preview it.";
      return { message, fieldErrors: { file: [message] } };
    },
    run: async ({ viewer, input }) => {
      const csvText = await input.file.text();
      const db = await getDb();
      if (input.intent === "apply") {
        const { changed, counts } = await applyImport(db, viewer, csvText, input.fileHash, {
          mode: input.mode,
          confirmations: { deactivations: input.confirmDeactivations, massDeactivation: input.confirmMassDeactivation },
        });
        const message = changed
          ? `Imported: ${plural(counts.added, "person", "people")} added, ${counts.updated.toLocaleString("en")} updated, ${counts.moved.toLocaleString("en")} moved and ${counts.deactivated.toLocaleString("en")} deactivated.`
          : "Nothing to change: the organisation already matches this file.";
        return { message, applied: counts };
      }
      const { fileHash, plan, counts, activeBefore, confirm } = await previewImport(db, viewer, csvText, input.mode);
      const preview: ImportPreviewSummary = {
        fileName: input.file.name,
        fileHash,
        mode: input.mode,
        counts,
        activeBefore,
        confirm,
        errors: plan.errors.slice(0, SHOWN_ERRORS),
        errorTotal: plan.errors.length,
        add: listOf(plan.add, (p) => ({
          line: p.line,
          email: p.email,
          name: p.name,
          detail: `reports to ${manager(p.managerEmail)}${p.isAdmin ? "; administrator" : ""}`,
        })),
        update: listOf(plan.update, (p) => ({ line: p.line, email: p.email, name: p.name, detail: updateDetail(p.changes, p.previousName, p.wasAdmin) })),
        move: listOf(plan.move, (p) => ({
          line: p.line,
          email: p.email,
          name: p.name,
          detail: `from ${manager(p.fromManagerEmail)} to ${manager(p.toManagerEmail)}`,
        })),
        deactivate: listOf(plan.deactivate, (p) => ({ email: p.email, name: p.name, detail: "not in the file" })),
      };
      if (plan.errors.length > 0) {
        const message = `The file has ${plural(plan.errors.length, "error", "errors")}. Fix ${plan.errors.length === 1 ? "it" : "them"} and preview the file again: nothing can be imported until then.`;
        return { status: "error", message, preview };
      }
      const changes = counts.added + counts.updated + counts.moved + counts.deactivated;
      const message =
        changes === 0
          ? "Nothing to change: the organisation already matches this file."
          : `Preview ready: ${plural(counts.added, "person", "people")} to add, ${counts.updated.toLocaleString("en")} to update, ${counts.moved.toLocaleString("en")} to move and ${counts.deactivated.toLocaleString("en")} to deactivate. Nothing has changed yet.`;
      return { message, preview };
    },
    // The reporting tree decides what every page shows to whom; a preview changes nothing.
    revalidate: (input) => (input.intent === "apply" ? [["/", "layout"]] : []),
    // Errors found only at apply time mean the organisation changed since the preview.
    refusal: (error) => (error instanceof ImportRuleError && error.errors.length > 0 ? `${error.message} Preview the file again to see why.` : undefined),
  });
}
