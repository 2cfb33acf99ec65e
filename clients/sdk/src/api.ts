import { ApiError, problemToError } from "./problem.ts";

export interface ApiInit extends Omit<RequestInit, "body"> {
  /** Sent as JSON. */
  body?: unknown;
  /** Do not call the unauthorized handler on 401 (e.g. the sign-in call itself, or the first /api/me). */
  allowUnauthorized?: boolean;
}

let antiforgeryToken: Promise<string> | undefined;
let unauthorizedHandler: ((error: ApiError) => void) | undefined;

/** Called on every 401 (unless the call allows it): the console goes to its sign-in page. */
export function onUnauthorized(handler: ((error: ApiError) => void) | undefined): void {
  unauthorizedHandler = handler;
}

/** Forgets the antiforgery token; it is bound to the signed-in user, so sign-in and sign-out call this. */
export function resetAntiforgeryToken(): void {
  antiforgeryToken = undefined;
}

/** The token that state-changing calls send as X-XSRF-TOKEN (fetched once, then cached). */
export function getAntiforgeryToken(): Promise<string> {
  antiforgeryToken ??= request<{ token: string }>("/api/antiforgery", { allowUnauthorized: true })
    .then((r) => r.token)
    .catch((e: unknown) => {
      antiforgeryToken = undefined;
      throw e;
    });
  return antiforgeryToken;
}

/**
 * Calls the Showroom API with the session cookie. State-changing calls carry the X-XSRF-TOKEN header.
 * Resolves with the parsed JSON (undefined for 204); rejects with ApiError.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const method = (init.method ?? "GET").toUpperCase();
  const writes = method !== "GET" && method !== "HEAD";
  try {
    return await request<T>(path, init, writes ? await getAntiforgeryToken() : undefined);
  } catch (e) {
    // A token from before a sign-in elsewhere in this browser no longer matches: fetch a fresh one once.
    if (writes && e instanceof ApiError && e.code === "antiforgery") {
      resetAntiforgeryToken();
      return await request<T>(path, init, await getAntiforgeryToken());
    }
    throw e;
  } finally {
    if (writes && path.startsWith("/api/auth/")) resetAntiforgeryToken();
  }
}

export function reportUnauthorized(error: ApiError): void {
  unauthorizedHandler?.(error);
}

async function request<T>(path: string, init: ApiInit, token?: string): Promise<T> {
  const { body, allowUnauthorized, headers: extraHeaders, ...rest } = init;
  const headers = new Headers(extraHeaders);
  headers.set("Accept", "application/json");
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (token !== undefined) headers.set("X-XSRF-TOKEN", token);

  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { title: "Network error", code: "network" });
  }

  const text = await response.text().catch(() => "");
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = problemToError(response.status, response.statusText, json);
    if (response.status === 401 && !allowUnauthorized) reportUnauthorized(error);
    throw error;
  }
  return json as T;
}
