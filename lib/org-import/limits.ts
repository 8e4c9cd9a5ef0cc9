/** The limits of one org-chart import. Kept apart so that a browser bundle can read them alone. */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;
