import type { ApiError } from "@showroom/sdk";
import type { MessageKey, Params } from "../i18n/index.ts";

export interface Message {
  key: MessageKey;
  params?: Params;
  /** A sentence the server wrote (Identity's password rules): shown as is. */
  text?: string;
}

/** Field errors by the server's JSON path ("address.city", "websiteOrigins[1]", "hours[2].closes"). */
export type FieldErrors = Readonly<Record<string, Message>>;

const codes: Record<string, MessageKey> = {
  required: "form.error.required",
  too_long: "form.error.tooLong",
  invalid: "form.error.invalid",
  out_of_range: "form.error.outOfRange",
  taken: "form.error.taken",
  unknown: "form.error.unknown",
  overlap: "form.error.overlap",
  order: "form.error.order",
  not_allowed: "form.error.notAllowed",
  duplicate: "form.error.duplicate",
};

/** Limits the forms know, for "at most {max} characters". */
const maxLengths: Record<string, number> = {
  name: 200, email: 256, firstName: 100, lastName: 100, leadEmail: 256, "address.street": 200, "address.city": 100,
  "address.region": 100, "address.postalCode": 20, "address.country": 100, shortcut: 32, text: 2000, websiteOrigins: 20,
};

/** The JSON path with a lower-case first letter in each segment: "Address.City" and "address.city" alike. */
export function normalizePath(path: string): string {
  return path.split(".").map((part) => part.charAt(0).toLowerCase() + part.slice(1)).join(".");
}

/** The limit for a path: "departments[0].name" looks up "name". */
function maxFor(path: string): number | undefined {
  return maxLengths[path] ?? maxLengths[path.replace(/^.*\]\./, "").replace(/\[\d+\]$/, "")];
}

/** One server code (or Identity sentence) as what the form says next to the field. */
export function codeMessage(path: string, code: string): Message {
  const key = codes[code];
  if (key === "form.error.tooLong") return { key, params: { max: maxFor(path) ?? 100 } };
  if (key) return { key };
  // Not a code: Identity's own sentence about the password ("Passwords must have at least one digit").
  if (/\s/.test(code)) return { key: "form.error.invalid", text: code };
  return { key: "form.error.invalid" };
}

/** A 400 ValidationProblem as one message per field path (the first code of each). */
export function toFieldErrors(error: ApiError): FieldErrors {
  const result: Record<string, Message> = {};
  for (const [path, list] of Object.entries(error.errors)) {
    const normalized = normalizePath(path);
    // Identity may give several sentences for one password: show them all.
    const sentences = list.filter((c) => /\s/.test(c));
    if (sentences.length > 1) result[normalized] = { key: "form.error.invalid", text: sentences.join(" ") };
    else if (list[0]) result[normalized] = codeMessage(normalized, list[0]);
  }
  return result;
}

/** The errors under a prefix, re-keyed without it: errorsUnder(e, "address") gives { city: … }. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const result: Record<string, Message> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = message;
    else if (path.startsWith(`${prefix}[`)) result[path.slice(prefix.length)] = message;
  }
  return result;
}

/** The error at index i of a list field: listError(e, "websiteOrigins", 1) reads "websiteOrigins[1]". */
export function listError(errors: FieldErrors, field: string, index: number): Message | undefined {
  return errors[`${field}[${index}]`];
}

/** Lines of a textarea (one website origin per line) as a list, blank lines dropped, and back. */
export function linesToList(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** "websiteOrigins[2]" errors as messages naming the line they are about (1-based, as people count). */
export function lineErrors(errors: FieldErrors, field: string): { line: number; message: Message }[] {
  const found: { line: number; message: Message }[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const m = new RegExp(`^${field}\\[(\\d+)\\]$`).exec(path);
    if (m) found.push({ line: Number(m[1]) + 1, message });
  }
  return found.sort((a, b) => a.line - b.line);
}
