import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError } from "@/server/dal/errors";

/**
 * For pages: what the data access layer refuses to show is not found, the same 404 as
 * what does not exist, so that nothing can be learned by probing. Any other error goes on
 * to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}
