import { sql } from "drizzle-orm";
import { database } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers: says whether the database answers, and nothing else; not
 * which database, nor any version, which would only help someone probing from outside.
 */
export async function GET() {
  try {
    const { db } = await database();
    await db.execute(sql`SELECT 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
