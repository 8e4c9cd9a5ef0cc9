import { ASPECT_KEYS } from "@/lib/aspects";
import { fieldName, itemsFor, type Perspective } from "@/lib/survey/fields";

/** The fields a browser posts for a complete survey, with every answer set to `value`. */
export function surveyEntries(
  cycleId: string,
  managerId: string,
  perspective: Perspective = "rater",
  overrides: Record<string, string> = {},
  value = (index: number) => String((index % 5) + 1),
): [string, string][] {
  const form = new Map<string, string>([
    ["cycleId", cycleId],
    ["managerId", managerId],
  ]);
  ASPECT_KEYS.forEach((aspect, index) => {
    for (const item of itemsFor(perspective)) form.set(fieldName(aspect, item), item === "need" ? String((index % 5) - 2) : value(index));
  });
  for (const [key, overrideValue] of Object.entries(overrides)) form.set(key, overrideValue);
  return [...form.entries()];
}
