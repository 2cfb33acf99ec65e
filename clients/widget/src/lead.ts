/**
 * The "nobody there" form: when no chat can start (closed, nobody signed in) or nobody answered in time,
 * the shopper leaves a message that becomes a lead. The server checks the fields and answers with codes
 * (required, invalid, too_long, contact_required); each shows next to its field.
 */
import type { DepartmentKind, LeadResult } from "@showroom/sdk";
import { h } from "./dom.ts";
import type { Catalog } from "./strings.ts";

export interface LeadValues {
  name?: string;
  email?: string;
  phone?: string;
  message?: string;
}

export interface LeadFormOptions {
  t: Catalog;
  /** Why there is no chat ("We're closed right now."), said first. */
  notice: string;
  /** Urgent (a chat just went unanswered): announced at once. */
  alert?: boolean;
  /** What happens next; none after a missed chat (its notice says it). */
  intro?: string;
  /** The dealer's own offline message, right under the notice (text, never HTML). */
  offline?: string;
  departments: readonly DepartmentKind[];
  department: DepartmentKind;
  values: LeadValues;
  send(lead: Required<LeadValues> & { department: DepartmentKind }): Promise<LeadResult>;
  sent(): void;
  /** The shopper picked another department (a chat may be possible there). */
  departmentChanged?(department: DepartmentKind, values: LeadValues): void;
}

type Field = keyof LeadValues;

export function leadForm(o: LeadFormOptions): HTMLFormElement {
  const { t } = o;
  const controls = {
    name: h("input", { autocomplete: "name", maxlength: "100", "aria-required": "true" }),
    email: h("input", { type: "email", autocomplete: "email", maxlength: "256" }),
    phone: h("input", { type: "tel", autocomplete: "tel", maxlength: "40" }),
    message: h("textarea", { rows: "4", maxlength: "4000", "aria-required": "true" }),
  };
  const labels: Record<Field, string> = { name: t.leadName, email: t.leadEmail, phone: t.leadPhone, message: t.message };
  const errors = {} as Record<Field, HTMLElement>;
  const rows = (Object.keys(controls) as Field[]).map((field) => {
    const id = `showroom-lead-${field}`;
    const control = controls[field];
    control.id = id;
    control.name = field;
    control.value = o.values[field] ?? "";
    errors[field] = h("p", { class: "field-error", id: `${id}-error` });
    // E-mail and phone share the hint: one of the two is needed.
    const hint = field === "email" || field === "phone" ? " showroom-lead-hint" : "";
    control.setAttribute("aria-describedby", `${id}-error${hint}`);
    return h("div", { class: "field" }, h("label", { for: id }, labels[field]), control, errors[field]);
  });
  const department = h("select", { id: "showroom-lead-department", name: "department" },
    ...o.departments.map((kind) => h("option", { value: kind }, t[kind])));
  department.value = o.department;
  department.onchange = () => o.departmentChanged?.(department.value as DepartmentKind, values());
  const summary = h("p", { class: "error", role: "alert" });
  const submit = h("button", { type: "submit", class: "primary" }, t.sendLead);
  const notice = h("p", { class: "notice", id: "showroom-lead-notice" }, o.notice);
  if (o.alert) notice.setAttribute("role", "alert");

  const [name, email, phone, message] = rows;
  const form = h("form", { class: "start", novalidate: "", "aria-labelledby": "showroom-lead-notice" },
    notice, ...(o.offline ? [h("p", { class: "offline" }, o.offline)] : []), ...(o.intro ? [h("p", { class: "note" }, o.intro)] : []), name!,
    h("p", { class: "hint", id: "showroom-lead-hint" }, t.contactHint), email!, phone!, message!,
    h("div", { class: "field" }, h("label", { for: "showroom-lead-department" }, t.department), department), summary, submit);

  function values(): Required<LeadValues> {
    return { name: controls.name.value, email: controls.email.value, phone: controls.phone.value, message: controls.message.value };
  }

  function errorText(field: string, code: string | undefined): string {
    if (code === "required") return t.required;
    if (code === "too_long") return t.tooLong;
    if (code === "contact_required") return t.contactRequired;
    return field === "email" ? t.invalidEmail : t.invalid;
  }

  form.onsubmit = async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    summary.textContent = "";
    for (const field of Object.keys(controls) as Field[]) {
      errors[field].textContent = "";
      controls[field].removeAttribute("aria-invalid");
    }
    const trimmed = values();
    for (const field of Object.keys(trimmed) as Field[]) trimmed[field] = trimmed[field].trim();
    const result = await o.send({ ...trimmed, department: department.value as DepartmentKind });
    submit.disabled = false;
    if (result.ok) {
      o.sent();
      return;
    }
    const byField = new Map(Object.entries(result.errors).map(([key, codes]) => [key.toLowerCase(), codes[0]]));
    let first: HTMLElement | undefined;
    for (const field of Object.keys(controls) as Field[]) {
      if (!byField.has(field)) continue;
      errors[field].textContent = errorText(field, byField.get(field));
      controls[field].setAttribute("aria-invalid", "true");
      first ??= controls[field];
    }
    summary.textContent = first ? t.checkForm : t.leadFailed;
    first?.focus();
  };
  return form;
}
