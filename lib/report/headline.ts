/**
 * The report's headline: how the team sees the manager overall, in sentences from
 * lib/vocabulary, with each number beside the words it backs and no symbol (B, T).
 */
import { RATING_MAX } from "../aspects";
import { formatScore, formatSigned } from "../format";
import { BALANCE_SCALE, capitalised, overallLeanWords, type ReportVoice, SCORE_NAMES, situationWords, versatilityWords } from "../vocabulary";

export interface HeadlineNumbers {
  /** Overall balance B. */
  readonly balance: number;
  /** Overall versatility, 1–5. */
  readonly versatility: number;
  /** The situational target T, or `null` when no situation is marked for the team. */
  readonly target: number | null;
}

/**
 * Three sentences that sum a profile up, e.g. "Your team sees you leaning strongly toward
 * managing, more than their situation calls for. The overall balance is −0.51 on a scale
 * from −1 (managing) to +1 (leading), and the team's situation calls for +1.00. They see
 * some of both sides: versatility 3.3 of 5." A director reads "The team sees Grace …".
 */
export function headlineSentence({ balance, versatility, target }: HeadlineNumbers, voice: ReportVoice): string {
  const fit = target === null ? "" : `, ${situationWords(balance, target)}`;
  const calledFor = target === null ? "" : `, and the team's situation calls for ${formatSigned(target, 2)}`;
  return [
    `${capitalised(voice.team)} sees ${voice.person} ${overallLeanWords(balance)}${fit}.`,
    `The ${SCORE_NAMES.overallBalance} is ${formatSigned(balance, 2)} ${BALANCE_SCALE}${calledFor}.`,
    `They see ${versatilityWords(versatility)}: ${SCORE_NAMES.versatility} ${formatScore(versatility)} of ${RATING_MAX}.`,
  ].join(" ");
}
