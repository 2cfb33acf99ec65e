import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n/context.tsx";
import type { Message } from "./fieldErrors.ts";

/** Says a form message in the agent's language (or the server's own sentence, for password rules). */
export function useSay(): (message: Message | undefined) => string | undefined {
  const { t } = useI18n();
  return (message) => (message === undefined ? undefined : message.text ?? t(message.key, message.params));
}

/**
 * A label (with a visual "*" that screen readers skip: the control says required), the control, its error
 * and hint. The control gets aria-describedby from `children(describedBy)`.
 */
export function Field({ id, label, required = false, hint, error, children, class: extra }: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ComponentChildren;
  error: Message | undefined;
  class?: string;
  children: (describedBy: string | undefined, invalid: true | undefined) => ComponentChildren;
}) {
  const say = useSay();
  const ids = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div class={extra ? `field ${extra}` : "field"}>
      <label for={id} id={`${id}-label`}>
        {label}
        {required ? <span class="required-mark" aria-hidden="true">*</span> : null}
      </label>
      {children(ids || undefined, error ? true : undefined)}
      {error ? <p id={`${id}-error`} class="field-error">{say(error)}</p> : null}
      {hint ? <p id={`${id}-hint`} class="hint">{hint}</p> : null}
    </div>
  );
}

/** The result line under a form: a status for success, an alert for a failure; always rendered (live region). */
export function ResultLine({ ok, text }: { ok: boolean; text: string | undefined }) {
  return ok
    ? <p role="status" class="success">{text}</p>
    : <p role="alert" class="field-error">{text}</p>;
}
