import type { AspectKey, Need, Pole, Rating } from "../aspects";
import type { AbsentReason } from "../scoring/suppression";

/** The wording of one pole of one aspect. */
export interface PoleText {
  /** A two-to-four word name for the pole on this aspect, for legends and tables. */
  readonly label: string;
  /** What a rep can observe, starting "My manager …". */
  readonly statement: string;
  /** The same behaviour in the manager's own voice, starting "I …". */
  readonly selfStatement: string;
  /** What the pole looks like, what it is good for and where it goes wrong. */
  readonly explanation: string;
}

export interface AspectText {
  readonly name: string;
  /** One line saying what the aspect is about. */
  readonly summary: string;
  readonly management: PoleText;
  readonly leadership: PoleText;
  /** The team-need item: a question and a label for each of the five answers. */
  readonly need: { readonly question: string; readonly answers: Readonly<Record<Need, string>> };
}

/**
 * Every sentence of the instrument in one language. A translation is a second object
 * of this type; nothing else changes.
 */
export interface InstrumentText {
  readonly locale: string;
  readonly poles: Readonly<Record<Pole, { readonly name: string; readonly description: string }>>;
  /** Why both poles are rated separately, for the survey intro and "How scores work". */
  readonly versatility: string;
  readonly rating: {
    readonly question: string;
    readonly scale: Readonly<Record<Rating, string>>;
    readonly cantSay: string;
    readonly help: string;
  };
  readonly needCantSay: string;
  readonly raterIntro: string;
  readonly selfIntro: string;
  readonly comment: { readonly prompt: string; readonly help: string };
  /**
   * Why a value is absent. `{k}` and `{commentThreshold}` are replaced with the
   * current thresholds; nothing else about the hidden value is ever said.
   */
  readonly absence: Readonly<Record<AbsentReason, string>>;
  readonly aspects: Readonly<Record<AspectKey, AspectText>>;
}

/**
 * What the survey shows of the instrument: its introductions, the scales and the comment
 * prompt, and the aspects in order. The page hands it to the form, so the wording reaches
 * the browser once, in the page, rather than again in the form's script.
 */
export interface SurveyText extends Pick<InstrumentText, "rating" | "needCantSay" | "raterIntro" | "selfIntro" | "comment"> {
  readonly aspects: readonly (AspectText & { readonly key: AspectKey })[];
}
