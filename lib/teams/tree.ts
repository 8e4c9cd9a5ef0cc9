/**
 * A cycle's snapshot of the reporting tree in pre-order: each team followed by every team
 * below it. A team's place in that order and the number of teams below it then name its
 * subtree as one range of places, which the database reads through an index instead of
 * walking the tree down on every request (server/internal/team-scores keeps both with the
 * team's summary; the teams page reads the range below its viewer).
 */

/** A team of a cycle's snapshot, by who its manager reports to there. */
export interface SnapshotNode {
  readonly id: string;
  readonly reportsTo: string | null;
}

export interface TreePlace {
  /** The team's place in pre-order, from 0. */
  readonly order: number;
  /** How many teams are below it: the ones at the places right after its own. */
  readonly below: number;
  /** The team it was reached from, or `null` where the walk started. */
  readonly reachedFrom: string | null;
}

/**
 * Every team's place, in pre-order (the map's order too). The walk starts at each team
 * whose manager reports to nobody in the snapshot. A team that no such walk reaches (a loop
 * in the tree, which the snapshot never holds) starts a walk of its own, so every team gets
 * one place and the ranges still nest.
 */
export function snapshotOrder(teams: readonly SnapshotNode[]): ReadonlyMap<string, TreePlace> {
  const children = new Map<string, SnapshotNode[]>();
  for (const team of teams) {
    if (team.reportsTo === null) continue;
    const siblings = children.get(team.reportsTo);
    if (siblings) siblings.push(team);
    else children.set(team.reportsTo, [team]);
  }
  const places = new Map<string, { order: number; below: number; reachedFrom: string | null }>();
  // Depth first without recursion, so that a deep tree cannot overflow the stack: a team's
  // children go on top of the stack, so all of its subtree is placed before anything else.
  const walkFrom = (start: SnapshotNode) => {
    const stack: { team: SnapshotNode; reachedFrom: string | null }[] = [{ team: start, reachedFrom: null }];
    while (stack.length > 0) {
      const { team, reachedFrom } = stack.pop()!;
      if (places.has(team.id)) continue;
      places.set(team.id, { order: places.size, below: 0, reachedFrom });
      const below = children.get(team.id) ?? [];
      for (let i = below.length - 1; i >= 0; i--) if (!places.has(below[i]!.id)) stack.push({ team: below[i]!, reachedFrom: team.id });
    }
  };
  const ids = new Set(teams.map((team) => team.id));
  for (const team of teams) if (team.reportsTo === null || !ids.has(team.reportsTo)) walkFrom(team);
  for (const team of teams) walkFrom(team);
  // Backwards, every team comes after all the teams below it: its count is complete when added to its parent's.
  const placed = [...places.values()];
  for (let i = placed.length - 1; i >= 0; i--) {
    const { below, reachedFrom } = placed[i]!;
    if (reachedFrom !== null) places.get(reachedFrom)!.below += below + 1;
  }
  return places;
}
