import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { reconnectDelay } from "../sdk/src/reconnect.ts";
import { ApiError, fieldErrors, problemToError } from "../sdk/src/problem.ts";
import { apiFetch, onUnauthorized, resetAntiforgeryToken } from "../sdk/src/api.ts";

test("reconnect waits 0, 1, 2, 5, 10 seconds, then 10 seconds forever", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 100].map(reconnectDelay), [0, 1000, 2000, 5000, 10000, 10000, 10000, 10000]);
});

test("a ProblemDetails body becomes a typed ApiError with its extra members", () => {
  const error = problemToError(403, "Forbidden", {
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.4", title: "Account locked", status: 403,
    detail: "Too many failed attempts.", code: "locked_out", retryAfterSeconds: 120,
  });
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 403);
  assert.equal(error.title, "Account locked");
  assert.equal(error.code, "locked_out");
  assert.deepEqual(error.extra, { retryAfterSeconds: 120 });
});

test("validation errors are read per field, whatever the field name's case", () => {
  const error = problemToError(400, "Bad Request", { title: "One or more validation errors occurred.", errors: { Email: ["The Email field is required."] } });
  assert.deepEqual(fieldErrors(error, "email"), ["The Email field is required."]);
  assert.deepEqual(fieldErrors(error, "Password"), []);
});

test("a body that is not a problem still gives an error named by the status", () => {
  assert.equal(problemToError(502, "Bad Gateway", "<html>").title, "Bad Gateway");
  assert.equal(problemToError(500, "", undefined).title, "HTTP 500");
});

type Call = { url: string; method: string; headers: Headers; body: unknown };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  resetAntiforgeryToken();
  onUnauthorized(undefined);
});

function fakeServer(respond: (call: Call, calls: Call[]) => Response): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = async (input, init) => {
    const call = { url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return respond(call, calls);
  };
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

test("writes carry the antiforgery token, fetched once and again after sign-in", async () => {
  let issued = 0;
  const calls = fakeServer((call) => (call.url === "/api/antiforgery" ? json(200, { token: `t${++issued}` }) : call.url === "/api/auth/signin" ? json(200, { id: "a" }) : new Response(null, { status: 204 })));

  await apiFetch("/api/x", { method: "POST", body: { a: 1 } });
  await apiFetch("/api/y", { method: "PUT" });
  await apiFetch("/api/auth/signin", { method: "POST", body: { email: "e", password: "p" } });
  await apiFetch("/api/z", { method: "DELETE" });
  await apiFetch("/api/me");

  const writes = calls.filter((c) => c.url !== "/api/antiforgery");
  assert.deepEqual(writes.map((c) => [c.url, c.headers.get("X-XSRF-TOKEN")]), [
    ["/api/x", "t1"], ["/api/y", "t1"], ["/api/auth/signin", "t1"], ["/api/z", "t2"], ["/api/me", null],
  ]);
  assert.deepEqual(writes[0]?.body, { a: 1 });
});

test("a stale antiforgery token is replaced and the call retried once", async () => {
  let issued = 0;
  const calls = fakeServer((call) => {
    if (call.url === "/api/antiforgery") return json(200, { token: `t${++issued}` });
    return call.headers.get("X-XSRF-TOKEN") === "t1" ? json(400, { title: "missing token", code: "antiforgery" }) : json(200, { ok: true });
  });
  assert.deepEqual(await apiFetch("/api/x", { method: "POST" }), { ok: true });
  assert.equal(calls.length, 4);
});

test("401 calls the unauthorized handler unless the call allows it; network failure is status 0", async () => {
  let told = 0;
  onUnauthorized(() => told++);
  fakeServer(() => json(401, { title: "Unauthorized" }));
  await assert.rejects(apiFetch("/api/me"), (e: ApiError) => e.status === 401);
  await assert.rejects(apiFetch("/api/me", { allowUnauthorized: true }), ApiError);
  assert.equal(told, 1);

  globalThis.fetch = async () => { throw new TypeError("fetch failed"); };
  await assert.rejects(apiFetch("/api/me"), (e: ApiError) => e.isNetworkError);
});
