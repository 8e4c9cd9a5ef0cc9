/**
 * One open cycle at a time, unless the admin ticks a box to run more: the words the open
 * confirmation and the refusal share, so that the refusal names the box the form shows.
 */

/** The name of the checkbox's field in the open form: ticked, it sends "on". */
export const ALLOW_OVERLAP_FIELD = "allowOverlap";

/** The checkbox's label. */
export const ALLOW_OVERLAP_LABEL = "Run both at the same time";

/** “Q1 2027”, “Q4 2026” and “Q1 2027”, “A”, “B” and “C”. */
export function quotedNames(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

/** What the open confirmation says, above the checkbox, when other cycles are open. */
export function stillOpenNotice(openNames: readonly string[]): string {
  const one = openNames.length === 1;
  return `${quotedNames(openNames)} ${one ? "is" : "are"} still open. Fulcrum runs one cycle at a time unless you tick the box below.`;
}

/** The refusal of an opening while other cycles are open and the box was not ticked. */
export function overlapRefusal(openNames: readonly string[]): string {
  const one = openNames.length === 1;
  return `${quotedNames(openNames)} ${one ? "is" : "are"} still open, and one cycle runs at a time. Close ${one ? "it" : "them"} first, or tick “${ALLOW_OVERLAP_LABEL}” to open this one alongside.`;
}
