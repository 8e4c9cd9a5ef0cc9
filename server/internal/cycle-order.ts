import "server-only";
import { desc, sql, type SQL } from "drizzle-orm";
import { cycles } from "@/db/schema";

/**
 * The one order of cycles, everywhere: by close date, then open date, then name, newest
 * first. Never by id: two cycles with the same dates would then fall in a random order, and
 * the report and the teams page could disagree on which came before. Names are unique, so
 * the order is total.
 */
export const newestCycleFirst = (alias: string): SQL => sql.raw(`${alias}.closes_on DESC, ${alias}.opens_on DESC, ${alias}.name DESC`);

/** The same order for the query builder. */
export const newestCyclesFirst = [desc(cycles.closesOn), desc(cycles.opensOn), desc(cycles.name)] as const;
