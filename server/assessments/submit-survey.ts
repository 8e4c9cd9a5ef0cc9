import "server-only";
import type { ZodError } from "zod";
import type { Database } from "@/db/client";
import { responseSchema, selfAssessmentSchema, surveyFieldErrors, surveyFields } from "@/lib/survey/schema";
import { submitResponse, submitSelfAssessment, type SubmitResult } from "@/server/dal/assessments";
import type { Viewer } from "@/server/dal/viewer";
import type { FormState } from "@/server/form-state";

export type SurveyState = FormState & { done?: { cycleId: string; managerId: string } };

const SIGNED_OUT = "Your session has ended. Sign in again to submit; your answers are still in this browser.";
const CHECK_FIELDS = "Some answers are missing or not valid. Check the highlighted questions.";

/**
 * Everything the survey's server action does after reading the session: validate with the
 * shared schema, then write through the data access layer. Bad input writes nothing and
 * comes back as messages for the form; it never throws at the user.
 */
export async function submitSurvey(db: Database, viewer: Viewer | null, entries: Iterable<[string, unknown]>): Promise<SurveyState> {
  if (!viewer) return { status: "error", message: SIGNED_OUT, fieldErrors: {} };
  const fields = surveyFields(entries);
  // A manager's own survey is their self-assessment; everyone else's is a rating.
  if (fields.managerId === viewer.id) {
    const parsed = selfAssessmentSchema.safeParse(fields);
    return parsed.success ? outcome(await submitSelfAssessment(db, viewer, parsed.data)) : invalid(parsed.error);
  }
  const parsed = responseSchema.safeParse(fields);
  return parsed.success ? outcome(await submitResponse(db, viewer, parsed.data)) : invalid(parsed.error);
}

function invalid(error: ZodError): SurveyState {
  const fieldErrors = surveyFieldErrors(error);
  const message = fieldErrors.form?.[0] ?? fieldErrors.cycleId?.[0] ?? fieldErrors.managerId?.[0] ?? CHECK_FIELDS;
  return { status: "error", message, fieldErrors };
}

function outcome(result: SubmitResult): SurveyState {
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: {} };
  return {
    status: "success",
    message: "Thank you. Your answers are in.",
    fieldErrors: {},
    done: { cycleId: result.assessment.cycleId, managerId: result.assessment.managerId },
  };
}
