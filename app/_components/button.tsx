import type { ButtonHTMLAttributes, ReactNode } from "react";

const VARIANTS = {
  /** The one main action of a form or page. */
  primary: "bg-brand-700 font-semibold text-white hover:bg-brand-900",
  /** A lesser action beside it: cancel, copy, clear, deactivate. */
  secondary: "border border-slate-400",
  /** A brand-coloured action that should not compete with the primary one: open, close, send a link. */
  outline: "border border-brand-700 font-semibold text-brand-700 hover:bg-brand-50",
} as const;

const SIZES = {
  /** In a table cell or beside one. */
  sm: "px-3 py-1 text-sm",
  /** In a row of filters whose inputs are py-1.5. */
  toolbar: "px-3 py-1.5 text-sm",
  md: "px-4 py-2",
  /** The submit button at the end of a long form. */
  lg: "px-5 py-2.5",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/**
 * The classes of a button, for the rare link that must look like one (a download, say).
 * `className` adds classes that set nothing the variant and size set: a width, a margin,
 * a print rule.
 */
export function buttonClasses({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return ["rounded-md", VARIANTS[variant], SIZES[size], "disabled:opacity-60", className].filter(Boolean).join(" ");
}

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className"> {
  /** Always given: a button in a form submits unless told otherwise. */
  type: "button" | "submit";
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Classes besides the variant's and size's, as for `buttonClasses`. */
  className?: string;
  /** While a form's action runs (useActionState's third value): the button is disabled. */
  pending?: boolean;
  /** What the button says while pending, such as "Saving…"; without it the label stays. */
  pendingLabel?: ReactNode;
}

/** Fulcrum's button: one look per variant, disabled and relabelled while its form is pending. */
export function Button({ variant, size, className, pending = false, pendingLabel, disabled, children, ...button }: ButtonProps) {
  return (
    <button {...button} disabled={pending || disabled} className={buttonClasses({ variant, size, className })}>
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
