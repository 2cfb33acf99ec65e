import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { uploadFile } from "../sdk/src/upload.ts";
import { onUnauthorized, resetAntiforgeryToken } from "../sdk/src/api.ts";
import type { ApiError } from "../sdk/src/problem.ts";

/** Just enough of XMLHttpRequest for uploadFile: records the request and answers with `respond`. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  static respond: (xhr: FakeXhr) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | undefined;
  withCredentials = false;
  status = 0;
  statusText = "";
  responseText = "";
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  abort() { this.onabort?.(); }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
      const { status, body: answer } = FakeXhr.respond(this);
      this.status = status;
      this.responseText = answer === undefined ? "" : JSON.stringify(answer);
      this.onload?.();
    });
  }
}

const realFetch = globalThis.fetch;
let tokens = 0;
globalThis.fetch = async () => new Response(JSON.stringify({ token: `t${++tokens}` }), { status: 200 });
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
afterEach(() => {
  FakeXhr.sent = [];
  resetAntiforgeryToken();
  onUnauthorized(undefined);
});
process.on("exit", () => { globalThis.fetch = realFetch; });

test("an upload is a multipart PUT with the antiforgery token, reports progress and resolves with the JSON", async () => {
  FakeXhr.respond = () => ({ status: 200, body: { id: "a" } });
  const progress: number[] = [];
  const result = await uploadFile<{ id: string }>("/api/agents/a/headshot", new Blob(["png"], { type: "image/png" }), "me.png", {
    onProgress: (sent, total) => progress.push(sent / total),
  });
  assert.deepEqual(result, { id: "a" });
  assert.deepEqual(progress, [0.5, 1]);
  const [xhr] = FakeXhr.sent;
  assert.equal(xhr?.method, "PUT");
  assert.match(xhr?.headers["X-XSRF-TOKEN"] ?? "", /^t\d+$/);
  const file = xhr?.body?.get("file");
  assert.ok(file instanceof File);
  assert.equal(file.name, "me.png");
});

test("a refused upload rejects with the problem's code; a 401 tells the console", async () => {
  FakeXhr.respond = () => ({ status: 400, body: { title: "Use a JPEG, PNG or WebP image.", code: "headshot_unsupportedtype" } });
  await assert.rejects(uploadFile("/x", new Blob(["<svg/>"]), "a.svg"), (e: ApiError) => e.status === 400 && e.code === "headshot_unsupportedtype");

  let told = 0;
  onUnauthorized(() => told++);
  FakeXhr.respond = () => ({ status: 401, body: { title: "Unauthorized" } });
  await assert.rejects(uploadFile("/x", new Blob(["a"]), "a.png"), (e: ApiError) => e.status === 401);
  assert.equal(told, 1);
});

test("a stale antiforgery token is replaced and the upload sent once more", async () => {
  FakeXhr.respond = (xhr) => (FakeXhr.sent.length === 1
    ? { status: 400, body: { title: "missing token", code: "antiforgery" } }
    : { status: 200, body: { token: xhr.headers["X-XSRF-TOKEN"] } });
  const result = await uploadFile<{ token: string }>("/x", new Blob(["a"]), "a.png");
  assert.equal(FakeXhr.sent.length, 2);
  assert.notEqual(FakeXhr.sent[0]?.headers["X-XSRF-TOKEN"], result.token);
});
