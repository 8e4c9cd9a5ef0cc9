import type { ReactNode } from "react";

/** A form state's status (server/form-state): it picks the message's colour. */
export type StatusKind = "idle" | "success" | "error";

/** A line of text: green while idle or after a success (an idle line is empty), red for an error. */
const LINE: Record<StatusKind, string> = {
  idle: "text-emerald-800",
  success: "text-emerald-800",
  error: "font-medium text-red-700",
};

/** A boxed message under a form's heading; nothing at all while idle. */
const BANNER: Record<Exclude<StatusKind, "idle">, string> = {
  error: "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800",
  success: "rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900",
};

interface StatusMessageProps {
  /** Omit for a neutral line, such as a live count of results. */
  status?: StatusKind;
  /** "line" (the default) is a paragraph of coloured text; "banner" boxes an error or a success. */
  variant?: "line" | "banner";
  /** The text size of a line: "sm" (the default) or "base". */
  size?: "sm" | "base";
  /** Classes besides the status's: a weight for a neutral line, a minimum height for a banner. */
  className?: string;
  children?: ReactNode;
}

/**
 * A live region that screen readers announce politely whenever its text changes:
 * `role="status"` with `aria-live="polite"`. It is always rendered, even while empty,
 * because a region that appears together with its text is not reliably announced.
 * One per form: tests and assistive technology find a form's outcome by this role.
 */
export function StatusMessage({ status, variant = "line", size = "sm", className, children }: StatusMessageProps) {
  if (variant === "banner") {
    return (
      <div role="status" aria-live="polite" className={className}>
        {status !== undefined && status !== "idle" && <p className={BANNER[status]}>{children}</p>}
      </div>
    );
  }
  const classes = [size === "sm" && "text-sm", status && LINE[status], className].filter(Boolean).join(" ");
  return (
    <p role="status" aria-live="polite" className={classes}>
      {children}
    </p>
  );
}
