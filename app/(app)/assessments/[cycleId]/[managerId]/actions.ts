"use server";

import { submitSurvey, type SurveyState } from "@/server/assessments/submit-survey";
import { currentViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

const NOT_SAVED = "Your answers could not be saved just now, and nothing was recorded. Please try again in a moment.";

/** The survey's one server action. The session is re-read here; the answers are never logged. */
export async function submitSurveyAction(_previous: SurveyState, formData: FormData): Promise<SurveyState> {
  const viewer = await currentViewer();
  try {
    return await submitSurvey(await getDb(), viewer, formData.entries());
  } catch (error) {
    console.error(`survey submission failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { status: "error", message: NOT_SAVED, fieldErrors: {} };
  }
}
