/** The run's seal key, set by playwright.config.ts for the test processes and every server they start. */
export const E2E_SEAL_KEY = process.env.FULCRUM_SEAL_KEY ?? "";
if (!E2E_SEAL_KEY) throw new Error("playwright.config.ts sets FULCRUM_SEAL_KEY for the run");
