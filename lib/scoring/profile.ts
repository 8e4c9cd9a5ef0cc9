import { ASPECT_KEYS, type AspectKey, type Need, type Rating } from "../aspects";
import { nonEmpty, type SelfAssessment } from "./aggregate";
import { type Summary, summarise } from "./stats";

/** An aspect is lopsided when its two poles are at least this far apart (scale points). */
export const LOPSIDED_GAP = 1;
/** A self rating this far from the team's (scale points) is a blind spot or hidden strength. */
export const SELF_GAP_THRESHOLD = 1;

const TOLERANCE = 1e-9;

/**
 * `value ≥ threshold`, allowing for binary rounding: means of small whole numbers are not
 * exact (13/3 − 10/3 comes out a hair under 1). This is a comparison tolerance, not
 * rounding: the values themselves are never changed.
 */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - TOLERANCE;
}

/** `M` or `L`: the ratings of one pole, "can't say" left out. */
export function poleScore(ratings: readonly (Rating | null)[]): Summary {
  return summarise(nonEmpty(ratings));
}

/** The team need of an aspect, in [−2, +2], "can't say" left out. */
export function teamNeed(needs: readonly (Need | null)[]): Summary {
  return summarise(nonEmpty(needs));
}

/** `b = (L − M) / 4`, in [−1, +1]: negative leans to managing, positive to leading. */
export function balance(management: number, leadership: number): number {
  return (leadership - management) / 4;
}

/** `(M + L) / 2`: how much of both poles the manager shows. */
export function versatility(management: number, leadership: number): number {
  return (management + leadership) / 2;
}

/** `|L − M| ≥ 1`. */
export function isLopsided(management: number, leadership: number): boolean {
  return atLeast(Math.abs(leadership - management), LOPSIDED_GAP);
}

/** Mean over the aspects that have a value; `null` when none has. */
export function meanOfPresent(values: readonly (number | null)[]): number | null {
  const present = nonEmpty(values);
  return present.length === 0 ? null : present.reduce((total, value) => total + value, 0) / present.length;
}

/** Overall balance `B`: the mean of `b` over the aspects that have one. */
export const overallBalance = meanOfPresent;
/** Overall versatility: the mean of the aspects' versatility over the aspects that have one. */
export const overallVersatility = meanOfPresent;

export type SelfGapKind = "blind_spot" | "hidden_strength" | "aligned";

export interface SelfGap {
  /** Self minus team, in scale points. */
  readonly gap: number;
  readonly kind: SelfGapKind;
}

/** Blind spot: the manager rates themselves ≥ 1 above the team. Hidden strength: ≥ 1 below. */
export function selfGap(self: number, team: number): SelfGap {
  const gap = self - team;
  const kind: SelfGapKind = atLeast(gap, SELF_GAP_THRESHOLD) ? "blind_spot" : atLeast(-gap, SELF_GAP_THRESHOLD) ? "hidden_strength" : "aligned";
  return { gap, kind };
}

export interface SelfAspect {
  readonly management: number | null;
  readonly leadership: number | null;
  readonly balance: number | null;
  readonly versatility: number | null;
}

/**
 * The manager's own profile, for the self overlay. It is never mixed into the team's
 * scores and needs no threshold: it is the manager's own answer.
 */
export function selfProfile(self: SelfAssessment): Record<AspectKey, SelfAspect> {
  const entries = ASPECT_KEYS.map((key): [AspectKey, SelfAspect] => {
    const { management, leadership } = self.aspects[key];
    const both = management !== null && leadership !== null;
    return [
      key,
      {
        management,
        leadership,
        balance: both ? balance(management, leadership) : null,
        versatility: both ? versatility(management, leadership) : null,
      },
    ];
  });
  return Object.fromEntries(entries) as Record<AspectKey, SelfAspect>;
}
