import { ASPECT_KEYS, type AspectKey, type Need, type Rating } from "@/lib/aspects";

export interface Answer {
  aspect: AspectKey;
  /** null: "can't say". */
  management: Rating | null;
  leadership: Rating | null;
  need: Need | null;
}

/** A plausible survey for the n-th submission: varied ratings, now and then a "can't say". */
export function answersFor(n: number): Answer[] {
  return ASPECT_KEYS.map((aspect, i) => {
    const k = n * 7 + i;
    return {
      aspect,
      management: k % 13 === 0 ? null : ((((k * 3) % 5) + 1) as Rating),
      leadership: (((k * 7 + 2) % 5) + 1) as Rating,
      need: k % 11 === 0 ? null : (((k % 5) - 2) as Need),
    };
  });
}
