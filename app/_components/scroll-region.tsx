import type { ReactNode } from "react";

/**
 * A wide table's frame on a narrow screen: it scrolls sideways, and so that a keyboard can
 * scroll it too, it takes focus and names itself (WCAG 2.1.1; axe: scrollable-region-focusable).
 * It is the containing block of what is inside: screen-reader-only text is positioned
 * absolutely, and without one it escaped the frame and widened the whole page.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
