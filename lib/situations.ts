/**
 * The ten team situations of PRODUCT.md. Five favour management, five favour
 * leadership; a director marks the ones that apply and the situational target follows.
 */
export const SITUATION_KEYS = [
  "clear_structure_needed",
  "large_team",
  "short_term_targets",
  "regulated_industry",
  "efficiency_priority",
  "period_of_change",
  "innovation_essential",
  "competitive_market",
  "long_term_growth",
  "customer_relationships",
] as const;

export type SituationKey = (typeof SITUATION_KEYS)[number];

const KNOWN_SITUATIONS: ReadonlySet<string> = new Set(SITUATION_KEYS);

/**
 * A team's situations as the queries read them, joined with commas
 * (`array_to_string(situations, ',')`): anything that is not a known situation is
 * ignored, and no text means none.
 */
export function parseSituations(text: string | null): SituationKey[] {
  if (!text) return [];
  return text.split(",").filter((key): key is SituationKey => KNOWN_SITUATIONS.has(key));
}

export const SITUATION_FAVOURS: Record<SituationKey, "management" | "leadership"> = {
  clear_structure_needed: "management",
  large_team: "management",
  short_term_targets: "management",
  regulated_industry: "management",
  efficiency_priority: "management",
  period_of_change: "leadership",
  innovation_essential: "leadership",
  competitive_market: "leadership",
  long_term_growth: "leadership",
  customer_relationships: "leadership",
};
