import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { adminGate, type GateResult, onlyAdministrators, sessionGate } from "@/server/dal/admin-gate";
import { ExpectedError, ForbiddenError } from "@/server/dal/errors";
import type { Viewer } from "@/server/dal/viewer";
import type { FormState } from "@/server/form-state";

/** Who may run an action: anyone, anyone signed in, or administrators only. */
type Gate = "anyone" | "signed-in" | "admin";

/** What revalidatePath takes: a path, or a path with "layout" for every page below it. */
type Revalidation = string | readonly [path: string, type: "layout"];

type FieldErrors = Partial<Record<string, string[]>>;

/** What a run answers: the message of a success, or a whole answer (a refusal it words itself, or more state, such as a preview). */
type RunAnswer<State extends FormState> = string | (Partial<State> & { message: string });

interface RunContext<G extends Gate, Input> {
  /** The person the gate let through; an action open to anyone reads no session. */
  viewer: G extends "anyone" ? undefined : Viewer;
  input: Input;
  formData: FormData;
}

type ActionSpec<G extends Gate, Schema extends z.ZodType, State extends FormState> = {
  /** Names the action in the one line an unexpected failure logs: `${name} failed: ${error.name}`. */
  name: string;
  gate: G;
  /** What was typed, echoed back with every answer (React resets the form after its action runs). Never a password. */
  echo?: (formData: FormData) => NonNullable<State["values"]>;
  /** Whether a success empties the form for the next entry instead of echoing it. */
  clearOnSuccess?: boolean;
  schema?: Schema;
  /** What the schema parses, read from the form as it came: what a forged request sends is the schema's to refuse. */
  input?: (formData: FormData) => unknown;
  /**
   * Fields of the page, not of the person: ids, a token, a hash in hidden inputs. Nobody can
   * correct one, so when one is refused its message is the whole answer.
   */
  hidden?: readonly string[];
  /** The message for fields to correct, or for a form of its own, the whole answer. */
  invalid?: string | ((fieldErrors: FieldErrors) => Pick<State, "message" | "fieldErrors">);
  run: (context: RunContext<G, z.output<Schema>>) => Promise<RunAnswer<State>>;
  /** The paths to read again after a success, or after a refusal that says the page is stale. */
  revalidate?: readonly Revalidation[] | ((input: z.output<Schema>) => readonly Revalidation[]);
  /** How this action words an error it expects, before the pipeline's own rules; undefined leaves it to them. */
  refusal?: (error: unknown) => string | undefined;
  /** The answer to an unexpected failure, when this form has a sentence of its own for it. */
  unexpected?: string;
} & (G extends "admin" ? { /** What only administrators can do, as in "Only administrators can manage cycles." */ can: string } : { can?: never });

const CHECK_FIELDS = "Check the highlighted fields.";
const NOTHING_CHANGED = "That did not work, and nothing was changed. Please try again.";

async function passGate({ gate, can }: { gate: Gate; can?: string }): Promise<GateResult | { viewer: undefined; refusal?: undefined }> {
  if (gate === "anyone") return { viewer: undefined };
  // The spec's type requires `can` with the administrators' gate, and only there.
  return gate === "admin" ? adminGate(can!) : sessionGate();
}

function revalidate(revalidations: readonly Revalidation[]) {
  for (const target of revalidations) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target[0], target[1]);
  }
}

/**
 * The one way a server action runs, for the form that calls it with useActionState: the gate
 * (the session, and the right), the schema's parse of the form, the run (the data access
 * layer writes in its own transaction and checks the right again), then the revalidation
 * of the pages the change shows on. Whatever happens comes back as the form's state: the
 * gate's refusal, the fields to correct, the refusal of a domain rule (an ExpectedError,
 * whose message is safe to show), or for anything else one sentence that says nothing of
 * the cause, which is logged by its name only: never its message or stack, which could
 * hold what was typed. Next.js's redirects and not-found pass through.
 */
export async function runAction<const G extends Gate, State extends FormState, Schema extends z.ZodType = z.ZodUndefined>(
  formData: FormData,
  spec: ActionSpec<G, Schema, NoInfer<State>>,
): Promise<State> {
  // Typed loosely inside: each answer is the form's State, with the run's extra fields when it has some.
  const answer = (state: FormState): State => {
    const keep = spec.echo && !(spec.clearOnSuccess && state.status === "success");
    return (keep ? { ...state, values: spec.echo?.(formData) } : state) as State;
  };
  const refuse = (message: string) => answer({ status: "error", message, fieldErrors: {} });
  let input: z.output<Schema> | undefined;
  const revalidations = () => (typeof spec.revalidate === "function" ? spec.revalidate(input as z.output<Schema>) : (spec.revalidate ?? []));
  try {
    const { viewer, refusal } = await passGate(spec);
    if (refusal !== undefined) return refuse(refusal);
    if (spec.schema) {
      const parsed = spec.schema.safeParse(spec.input?.(formData));
      if (!parsed.success) {
        const fieldErrors: FieldErrors = z.flattenError(parsed.error).fieldErrors;
        if (typeof spec.invalid === "function") return answer({ status: "error", ...spec.invalid(fieldErrors) });
        const hiddenRefusal = spec.hidden?.map((field) => fieldErrors[field]?.[0]).find((message) => message !== undefined);
        if (hiddenRefusal !== undefined) return refuse(hiddenRefusal);
        return answer({ status: "error", message: spec.invalid ?? CHECK_FIELDS, fieldErrors });
      }
      input = parsed.data;
    }
    const ran = await spec.run({ viewer, input, formData } as RunContext<G, z.output<Schema>>);
    const state: FormState = typeof ran === "string" ? { status: "success", message: ran, fieldErrors: {} } : { status: "success", fieldErrors: {}, ...ran };
    if (state.status !== "error") revalidate(revalidations());
    return answer(state);
  } catch (error) {
    unstable_rethrow(error);
    const refusal =
      spec.refusal?.(error) ??
      (error instanceof ForbiddenError && spec.can !== undefined ? onlyAdministrators(spec.can) : error instanceof ExpectedError ? error.message : undefined);
    if (refusal !== undefined) {
      if (error instanceof ExpectedError && error.stale) revalidate(revalidations());
      return refuse(refusal);
    }
    console.error(`${spec.name} failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return refuse(spec.unexpected ?? NOTHING_CHANGED);
  }
}
