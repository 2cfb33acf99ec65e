import { fieldErrors, type ApiError, type Locale } from "@showroom/sdk";
import { pluralKey, type MessageKey, type Params } from "./i18n/index.ts";

export interface Message {
  key: MessageKey;
  params?: Params;
}

export interface SignInFailure {
  /** Shown in the form's alert. */
  alert?: Message;
  email?: Message;
  password?: Message;
}

/** Whole minutes, rounded up, for a lock-out of the given seconds (never 0). */
export function lockoutMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** What the sign-in form tells the agent about a failed attempt. */
export function describeSignInFailure(error: ApiError, locale: Locale): SignInFailure {
  if (error.isNetworkError) return { alert: { key: "signIn.networkError" } };
  if (error.status === 401 && error.code === "invalid_credentials") return { alert: { key: "signIn.invalidCredentials" } };
  if (error.status === 403 && error.code === "locked_out") {
    const seconds = error.extra.retryAfterSeconds;
    const minutes = lockoutMinutes(typeof seconds === "number" ? seconds : 60);
    return { alert: { key: pluralKey(locale, "signIn.lockedOut", minutes), params: { minutes } } };
  }
  if (error.status === 403 && error.code === "deactivated") return { alert: { key: "signIn.deactivated" } };
  if (error.status === 400) {
    const failure: SignInFailure = {};
    if (fieldErrors(error, "Email").length > 0) failure.email = { key: "signIn.emailInvalid" };
    if (fieldErrors(error, "Password").length > 0) failure.password = { key: "signIn.passwordRequired" };
    if (failure.email || failure.password) return failure;
  }
  return { alert: { key: "signIn.unexpectedError" } };
}
