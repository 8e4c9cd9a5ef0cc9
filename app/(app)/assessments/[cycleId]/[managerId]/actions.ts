"use server";

import { runAction } from "@/server/action";
import { submitSurvey, type SurveyState } from "@/server/assessments/submit-survey";
import { currentViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

/** The survey's one server action. The session is re-read here; the answers are never logged. */
export async function submitSurveyAction(_previous: SurveyState, formData: FormData): Promise<SurveyState> {
  return runAction(formData, {
    name: "survey submission",
    // submitSurvey is the gate: it turns a missing session away with a message of its own,
    // which tells the rater that their answers are still in this browser. Reading the person
    // is in the run, so that when the database is down the rater gets the message below,
    // not an error page.
    gate: "anyone",
    run: async ({ formData }) => submitSurvey(await getDb(), await currentViewer(), formData.entries()),
    unexpected: "Your answers could not be saved just now, and nothing was recorded. Please try again in a moment.",
  });
}
