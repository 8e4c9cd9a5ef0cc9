"use server";

import { submitSurvey, type SurveyState } from "@/server/assessments/submit-survey";
import { currentViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

const NOT_SAVED = "Your answers could not be saved just now, and nothing was recorded. Please try again in a moment.";

/** The survey's one server action. The session is re-read here; the answers are never logged. */
export async function submitSurveyAction(_previous: SurveyState, formData: FormData): Promise<SurveyState> {
  try {
    // Inside the try: reading the person needs the database too, and when it is down the
    // rater should get the retry message, not an error page.
    return await submitSurvey(await getDb(), await currentViewer(), formData.entries());
  } catch (error) {
    console.error(`survey submission failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return { status: "error", message: NOT_SAVED, fieldErrors: {} };
  }
}
