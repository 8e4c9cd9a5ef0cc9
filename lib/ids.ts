import { z } from "zod";

/**
 * Every id in Fulcrum is a UUID the database made. Anything else names nothing, so it is
 * refused before it reaches a query, in the same way as an id that names nobody.
 */
export const uuidSchema = z.uuid();

/** The same check for an id a form sends back, with the message that form shows when it is not one. */
export const uuidField = (error: string) => z.uuid({ error });
