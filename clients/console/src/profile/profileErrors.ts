import { ApiError, type ProfileField } from "@showroom/sdk";
import type { MessageKey, Params } from "../i18n/index.ts";

export interface Message {
  key: MessageKey;
  params?: Params;
}

export type FieldErrors = Partial<Record<ProfileField, Message>>;

/** The form's fields in page order: the error summary lists them in this order. */
export const profileFields: readonly ProfileField[] = ["locale", "timeZone", "firstName", "lastName", "email", "currentPassword"];

const maxLength: Partial<Record<ProfileField, number>> = { firstName: 100, lastName: 100, email: 256 };

/** What to say next to a field for one of the server's codes, in the agent's language. */
export function fieldMessage(field: ProfileField, code: string): Message {
  switch (code) {
    case "required":
      return {
        key: field === "firstName" ? "error.firstNameRequired"
          : field === "lastName" ? "error.lastNameRequired"
          : field === "email" ? "error.emailRequired"
          : field === "timeZone" ? "error.timeZoneRequired"
          : "error.required",
      };
    case "too_long":
      return { key: "error.tooLong", params: { max: maxLength[field] ?? 100 } };
    case "invalid":
      return {
        key: field === "email" ? "error.emailInvalid"
          : field === "timeZone" ? "error.timeZoneInvalid"
          : field === "locale" ? "error.localeInvalid"
          : "error.invalidCharacters",
      };
    case "taken":
      return { key: "error.emailTaken" };
    case "not_allowed":
      return { key: "error.emailNotAllowed" };
    case "password_required":
      return { key: "error.passwordRequired" };
    case "password_wrong":
      return { key: "error.passwordWrong" };
    default:
      return { key: "error.notAccepted" };
  }
}

/** A 400 ValidationProblem's errors ({ firstName: ["required"] }) as messages per field. */
export function profileFieldErrors(error: ApiError): FieldErrors {
  const result: FieldErrors = {};
  for (const [name, codes] of Object.entries(error.errors)) {
    const field = profileFields.find((f) => f.toLowerCase() === name.toLowerCase());
    const code = codes[0];
    if (field && code) result[field] = fieldMessage(field, code);
  }
  return result;
}

export const maxHeadshotBytes = 10 * 1024 * 1024;
const headshotTypes = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Checks made before uploading (the server checks again, and reads the bytes): undefined when fine. */
export function checkHeadshotFile(file: { size: number; type: string }): Message | undefined {
  if (file.size === 0) return { key: "headshot.error.empty" };
  // An empty type means the browser does not know it: the server reads the bytes and decides.
  if (file.type && !headshotTypes.has(file.type)) return { key: "headshot.error.unsupportedType" };
  if (file.size > maxHeadshotBytes) return { key: "headshot.error.tooLarge" };
  return undefined;
}

/** What the headshot box says when an upload is refused or fails. */
export function headshotMessage(error: ApiError): Message {
  switch (error.code) {
    case "headshot_empty": return { key: "headshot.error.empty" };
    case "headshot_toolarge": return { key: "headshot.error.tooLarge" };
    case "headshot_unsupportedtype": return { key: "headshot.error.unsupportedType" };
    case "headshot_animated": return { key: "headshot.error.animated" };
    case "headshot_toomanypixels": return { key: "headshot.error.tooManyPixels" };
    case "headshot_unreadable": return { key: "headshot.error.unreadable" };
  }
  if (error.isNetworkError) return { key: "headshot.error.network" };
  if (error.status === 413) return { key: "headshot.error.tooLarge" };
  if (error.status === 403) return { key: "profile.viewOnly" };
  return { key: "headshot.error.failed" };
}
