import type { InstrumentText } from "../instrument/types";
import type { Scores } from "../scoring/suppression";
import { type Recommendation, recommend } from "./ranking";
import { risksFor, type TriggeredRisk } from "./risks";

export * from "./library";
export * from "./ranking";
export * from "./risks";

export interface DevelopmentPlan {
  readonly actions: readonly Recommendation[];
  readonly risks: readonly TriggeredRisk[];
}

/** What a manager's report shows under "What to practise next": 3 actions and any risks. */
export function developmentPlan(scores: Pick<Scores, "aspects" | "balance">, target: number, text?: InstrumentText): DevelopmentPlan {
  return { actions: recommend(scores, target, 3, text), risks: risksFor(scores) };
}
