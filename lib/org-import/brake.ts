/**
 * The brake on mass deactivation. Only a full replace deactivates anyone, and only after
 * the administrator confirms how many people it deactivates; when that is more than
 * MASS_DEACTIVATION_PERCENT of the active people, a second, separate confirmation is
 * needed. Each confirmation carries the number it confirms, so a confirmation given for
 * one preview does not cover an import that would now deactivate more.
 */
export const MASS_DEACTIVATION_PERCENT = 20;

/** Whether deactivating this many of the people active now is more than MASS_DEACTIVATION_PERCENT of them. */
export function isMassDeactivation(deactivating: number, active: number): boolean {
  // In whole numbers: a fraction such as 0.2 × 15 is not exact in floating point.
  return deactivating > 0 && deactivating * 100 > active * MASS_DEACTIVATION_PERCENT;
}

/** What the administrator ticked: each box carries the number of deactivations it was shown with. */
export interface DeactivationConfirmations {
  deactivations?: number;
  massDeactivation?: number;
}

export const peopleCount = (count: number) => (count === 1 ? "1 person" : `${count.toLocaleString("en")} people`);

/**
 * Why an import that deactivates `deactivating` of the `active` people may not go ahead
 * with these confirmations, or null when it may.
 */
export function deactivationRefusal(deactivating: number, active: number, confirmed: DeactivationConfirmations): string | null {
  if (deactivating === 0) return null;
  const changed = (previewed: number) =>
    `The organisation has changed since the preview: this import would now deactivate ${peopleCount(deactivating)}, not ${previewed.toLocaleString("en")}. Preview the file again.`;
  if (confirmed.deactivations === undefined) {
    return `This full replace deactivates ${peopleCount(deactivating)}. Tick the box to confirm it, then apply the file again.`;
  }
  if (confirmed.deactivations !== deactivating) return changed(confirmed.deactivations);
  if (!isMassDeactivation(deactivating, active)) return null;
  if (confirmed.massDeactivation === undefined) {
    return `This full replace deactivates ${peopleCount(deactivating)} of the ${active.toLocaleString("en")} active, more than ${MASS_DEACTIVATION_PERCENT}%. Confirm that a second time, then apply the file again.`;
  }
  if (confirmed.massDeactivation !== deactivating) return changed(confirmed.massDeactivation);
  return null;
}
