import { ASPECT_KEYS, type AspectKey } from "@/lib/aspects";
import type { AspectAnswer, RaterResponse } from "@/lib/scoring";

export const CANT_SAY: AspectAnswer = { management: null, leadership: null, need: null };

type AspectOverrides = Partial<Record<AspectKey, Partial<AspectAnswer>>>;

/** A response with the same answer on every aspect unless overridden per aspect. */
export function response(all: Partial<AspectAnswer> = {}, overrides: AspectOverrides = {}, comment?: string): RaterResponse {
  const aspects = Object.fromEntries(ASPECT_KEYS.map((key) => [key, { ...CANT_SAY, ...all, ...overrides[key] }])) as Record<AspectKey, AspectAnswer>;
  return comment === undefined ? { aspects } : { aspects, comment };
}

/** `count` identical responses. */
export function responses(count: number, all: Partial<AspectAnswer> = {}, overrides: AspectOverrides = {}): RaterResponse[] {
  return Array.from({ length: count }, () => response(all, overrides));
}
