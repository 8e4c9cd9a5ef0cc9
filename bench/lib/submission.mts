// The submission path's measurements (issue #9): the survey's server action over HTTP, a
// bare route handler and pgbench doing the same transaction, each verified in the database.
export { buildBareRoute, startBareRoute } from "./submission/bare-route.mjs";
export {
  measureBareRoute,
  measurePgbench,
  measureServerAction,
  type SubmissionResult,
  type SubmissionRun,
  verifyAcrossRuns,
} from "./submission/measure.mjs";
export { prepareRaters, type Rater, RaterQueue } from "./submission/raters.mjs";
export { submissionProblems, submissionRows, TARGET_CONCURRENCY } from "./submission/rows.mjs";
export { surveyActionId } from "./submission/server-action.mjs";
export { countSubmissions, type SubmissionCounts } from "./submission/verify.mjs";
