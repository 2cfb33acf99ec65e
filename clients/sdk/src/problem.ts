/** A failed API call: the server's ProblemDetails, or status 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Machine-readable reason the server sets on problems the UI must tell apart (e.g. "locked_out"). */
  readonly code: string | undefined;
  /** Validation messages by field name, from a 400 validation problem. */
  readonly errors: Readonly<Record<string, readonly string[]>>;
  /** Every other member of the problem (e.g. retryAfterSeconds). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, problem: ProblemFields) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? {};
    this.extra = problem.extra ?? {};
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface ProblemFields {
  title: string;
  detail?: string | undefined;
  code?: string | undefined;
  errors?: Record<string, readonly string[]> | undefined;
  extra?: Record<string, unknown> | undefined;
}

const standardMembers = new Set(["type", "title", "status", "detail", "instance", "code", "errors"]);

/** Turns a response body (parsed JSON, or anything else) into an ApiError; never throws. */
export function problemToError(status: number, statusText: string, body: unknown): ApiError {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return new ApiError(status, { title: statusText || `HTTP ${status}` });
  }
  const record = body as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!standardMembers.has(key)) extra[key] = value;
  }
  return new ApiError(status, {
    title: typeof record.title === "string" ? record.title : statusText || `HTTP ${status}`,
    detail: typeof record.detail === "string" ? record.detail : undefined,
    code: typeof record.code === "string" ? record.code : undefined,
    errors: parseErrors(record.errors),
    extra,
  });
}

function parseErrors(value: unknown): Record<string, readonly string[]> {
  const result: Record<string, readonly string[]> = {};
  if (typeof value !== "object" || value === null) return result;
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) result[field] = messages.filter((m): m is string => typeof m === "string");
    else if (typeof messages === "string") result[field] = [messages];
  }
  return result;
}

/** The messages for one field, matching the name case-insensitively ("Email" and "email" alike). */
export function fieldErrors(error: ApiError, field: string): readonly string[] {
  const wanted = field.toLowerCase();
  for (const [name, messages] of Object.entries(error.errors)) {
    if (name.toLowerCase() === wanted) return messages;
  }
  return [];
}
