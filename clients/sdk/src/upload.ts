import { getAntiforgeryToken, reportUnauthorized, resetAntiforgeryToken } from "./api.ts";
import { ApiError, problemToError } from "./problem.ts";

export interface UploadOptions {
  /** PUT by default. */
  method?: "PUT" | "POST";
  /** The multipart field name; "file" by default. */
  field?: string;
  /** Bytes sent so far, of total (the whole multipart body). */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, which (unlike fetch) reports upload
 * progress. Sends X-XSRF-TOKEN like apiFetch; resolves with the JSON answer, rejects with ApiError
 * (status 0 when the server could not be reached, code "aborted" when the signal aborted).
 */
export async function uploadFile<T>(path: string, file: Blob, fileName: string, options: UploadOptions = {}): Promise<T> {
  try {
    return await send<T>(path, file, fileName, options, await getAntiforgeryToken());
  } catch (e) {
    // Same as apiFetch: a token from before a sign-in elsewhere in this browser is replaced once.
    if (e instanceof ApiError && e.code === "antiforgery") {
      resetAntiforgeryToken();
      return await send<T>(path, file, fileName, options, await getAntiforgeryToken());
    }
    throw e;
  }
}

function send<T>(path: string, file: Blob, fileName: string, options: UploadOptions, token: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? "PUT", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-XSRF-TOKEN", token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      const json = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json as T);
        return;
      }
      const error = problemToError(xhr.status, xhr.statusText, json);
      if (xhr.status === 401) reportUnauthorized(error);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, { title: "Network error", code: "network" }));
    xhr.onabort = () => reject(new ApiError(0, { title: "Upload cancelled", code: "aborted" }));
    if (options.signal?.aborted) {
      reject(new ApiError(0, { title: "Upload cancelled", code: "aborted" }));
      return;
    }
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(options.field ?? "file", file, fileName);
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
