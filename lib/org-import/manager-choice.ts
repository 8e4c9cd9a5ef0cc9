/** The manager picker's choice for the top of the organisation. Kept apart from zod so that a browser bundle can read it alone. */
export const NO_MANAGER = "none";
export const CHOOSE_MANAGER = "Choose a manager, or “No manager”.";
