import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { commitments, cycles, followThroughAnswers } from "@/db/schema";
import type { FollowThroughSeries } from "@/lib/follow-through";
import { commitmentInputOf, frozenCommitmentColumns } from "./commitments";

const sinceCycle = alias(cycles, "since_cycle");
const frozenIn = alias(cycles, "frozen_in");

/**
 * Per manager, the commitments this closed cycle's opening froze, each with the count, sum
 * and sum of squares of its follow-through answers ("can't say" left out): all that
 * lib/follow-through needs to gate and show them. Unchecked: who may see them is the
 * caller's to decide, and lib/follow-through applies the thresholds.
 */
export async function followThroughSeries(db: Database, cycleId: string, managerIds: readonly string[]): Promise<Map<string, FollowThroughSeries[]>> {
  const bySeries = new Map<string, FollowThroughSeries[]>();
  if (managerIds.length === 0) return bySeries;
  const rows = await db
    .select({
      ...frozenCommitmentColumns,
      sinceCycleName: sinceCycle.name,
      n: sql<number>`count(${followThroughAnswers.rating})::int`,
      sum: sql<number>`coalesce(sum(${followThroughAnswers.rating}), 0)::int`,
      sumOfSquares: sql<number>`coalesce(sum(${followThroughAnswers.rating} * ${followThroughAnswers.rating}), 0)::int`,
    })
    .from(commitments)
    .innerJoin(sinceCycle, eq(sinceCycle.id, commitments.cycleId))
    // A cycle sealed in format 1 asked nothing about them.
    .innerJoin(frozenIn, and(eq(frozenIn.id, commitments.frozenInCycleId), gte(frozenIn.sealedFormat, 2)))
    .leftJoin(
      followThroughAnswers,
      and(
        eq(followThroughAnswers.commitmentId, commitments.id),
        eq(followThroughAnswers.cycleId, commitments.frozenInCycleId),
        eq(followThroughAnswers.managerId, commitments.managerId),
      ),
    )
    .where(and(eq(commitments.frozenInCycleId, cycleId), inArray(commitments.managerId, [...managerIds])))
    .groupBy(commitments.id, sinceCycle.name)
    .orderBy(asc(commitments.position));
  for (const { managerId, position, sinceCycleId, sinceCycleName, n, sum, sumOfSquares, ...row } of rows) {
    const list = bySeries.get(managerId) ?? [];
    list.push({ position, commitment: commitmentInputOf(row), sinceCycleId, sinceCycleName, moments: { n, sum, sumOfSquares } });
    bySeries.set(managerId, list);
  }
  return bySeries;
}
