import type { ReactNode } from "react";

/**
 * A wide table's frame on a narrow screen: it scrolls sideways, and so that a keyboard can
 * scroll it too, it takes focus and names itself (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
