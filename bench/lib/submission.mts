// The submission path's measurements (issue #9): the survey's server action over HTTP, a
// bare route handler and pgbench doing the same transaction, each verified in the database.
export { buildBareRoute, startBareRoute } from "./submission/bare-route.mjs";
export { measureBareRoute, measurePgbench, measureServerAction, type SubmissionRun, verifyAcrossRuns } from "./submission/measure.mjs";
export { prepareRaters, RaterQueue } from "./submission/raters.mjs";
export { submissionProblems, submissionRows } from "./submission/rows.mjs";
export { countSubmissions } from "./submission/verify.mjs";
