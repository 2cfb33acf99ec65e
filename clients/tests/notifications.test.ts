import { test } from "node:test";
import assert from "node:assert/strict";
import type { NotificationSettingsDto } from "../sdk/src/notifications.ts";
import { internalAlert, offerAlertRules, offerTag, parseSettings } from "../console/src/notifications/rules.ts";
import { datasetVersion, deviceName, pairMessage, pingMessage, readExtensionMessage, unpairMessage } from "../console/src/notifications/extensionProtocol.ts";
import { applicationServerKey, pushAction, safePath, sameKey } from "../console/src/notifications/pushPayload.ts";

const all: NotificationSettingsDto = { sound: true, desktop: true, extension: true, push: true };
const none: NotificationSettingsDto = { sound: false, desktop: false, extension: false, push: false };

test("offers ring and pop up as the channels say, and Do Not Disturb silences both", () => {
  assert.deepEqual(offerAlertRules(all, "Available"), { ring: true, popups: true });
  assert.deepEqual(offerAlertRules(all, "Away"), { ring: true, popups: true });
  assert.deepEqual(offerAlertRules({ ...all, sound: false }, "Available"), { ring: false, popups: true });
  assert.deepEqual(offerAlertRules({ ...all, desktop: false }, "Available"), { ring: true, popups: false });
  assert.deepEqual(offerAlertRules(none, "Available"), { ring: false, popups: false });
  assert.deepEqual(offerAlertRules(all, "DoNotDisturb"), { ring: false, popups: false });
  // Before the status is read, the channels decide (offers only come to agents who may take them).
  assert.deepEqual(offerAlertRules(all, undefined), { ring: true, popups: true });
});

test("a colleague's message: toast for Available and Away, sound and pop-up by channel, nothing but the count in Do Not Disturb", () => {
  const other = { fromMe: false, reading: false, hidden: true };
  assert.deepEqual(internalAlert(all, "Available", other), { toast: true, sound: true, popup: true });
  assert.deepEqual(internalAlert(all, "Away", other), { toast: true, sound: true, popup: true });
  assert.deepEqual(internalAlert(all, "Available", { ...other, hidden: false }), { toast: true, sound: true, popup: false });
  assert.deepEqual(internalAlert({ ...all, sound: false }, "Available", other), { toast: true, sound: false, popup: true });
  assert.deepEqual(internalAlert({ ...all, desktop: false }, "Available", other), { toast: true, sound: true, popup: false });
  const silent = { toast: false, sound: false, popup: false };
  assert.deepEqual(internalAlert(all, "DoNotDisturb", other), silent);
  assert.deepEqual(internalAlert(all, "Offline", other), silent);
  assert.deepEqual(internalAlert(all, "Available", { ...other, fromMe: true }), silent);
  assert.deepEqual(internalAlert(all, "Available", { ...other, reading: true }), silent);
});

test("remembered settings are used only when all four channels are booleans", () => {
  assert.deepEqual(parseSettings({ sound: false, desktop: true, extension: true, push: false, extra: 1 }),
    { sound: false, desktop: true, extension: true, push: false });
  assert.equal(parseSettings({ sound: "no", desktop: true, extension: true, push: true }), undefined);
  assert.equal(parseSettings({ sound: true }), undefined);
  assert.equal(parseSettings(null), undefined);
  assert.equal(parseSettings("x"), undefined);
});

const self = { name: "this window" };
const origin = "https://showroom.example";
const from = (data: unknown, overrides: Partial<{ source: unknown; origin: string }> = {}) =>
  readExtensionMessage({ source: self, origin, data, ...overrides }, self, origin);

test("the extension's hello and paired answers are read; anything else is ignored", () => {
  assert.deepEqual(from({ source: "showroom-extension", type: "hello", version: "1.2.0", paired: false }),
    { type: "hello", version: "1.2.0", paired: false });
  assert.deepEqual(from({ source: "showroom-extension", type: "paired", ok: true }), { type: "paired", ok: true });
  assert.deepEqual(from({ source: "showroom-extension", type: "paired", ok: false, error: "Token refused" }),
    { type: "paired", ok: false, error: "Token refused" });
  assert.equal(from({ source: "showroom-extension", type: "paired", ok: false, error: "x".repeat(500) })?.type, "paired");
  const long = from({ source: "showroom-extension", type: "paired", ok: false, error: "x".repeat(500) });
  assert.equal(long?.type === "paired" ? long.error?.length : 0, 200);

  // Malformed or foreign.
  assert.equal(from({ source: "showroom-extension", type: "hello", version: "1.0", paired: "yes" }), undefined);
  assert.equal(from({ source: "showroom-extension", type: "hello", version: "", paired: true }), undefined);
  assert.equal(from({ source: "showroom-extension", type: "hello", paired: true }), undefined);
  assert.equal(from({ source: "showroom-extension", type: "paired" }), undefined);
  assert.equal(from({ source: "someone-else", type: "hello", version: "1", paired: true }), undefined);
  assert.equal(from({ source: "showroom-extension", type: "token", token: "x" }), undefined);
  assert.equal(from("hello"), undefined);
  assert.equal(from(null), undefined);
  // The console's own messages echo back to its listener: never taken for the extension's.
  assert.equal(from(pingMessage), undefined);
  assert.equal(from(pairMessage("secret")), undefined);
});

test("messages from another frame or another origin are not trusted", () => {
  const hello = { source: "showroom-extension", type: "hello", version: "1.0.0", paired: true };
  assert.equal(from(hello, { source: { name: "an iframe" } }), undefined);
  assert.equal(from(hello, { source: null }), undefined);
  assert.equal(from(hello, { origin: "https://evil.example" }), undefined);
  assert.equal(from(hello, { origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop" }), undefined);
});

test("the console's messages have the contract's shape", () => {
  assert.deepEqual(pingMessage, { source: "showroom-console", type: "ping" });
  assert.deepEqual(unpairMessage, { source: "showroom-console", type: "unpair" });
  assert.deepEqual(pairMessage("t0k"), { source: "showroom-console", type: "pair", token: "t0k" });
});

test("the extension's version on <html> counts only when it looks like one", () => {
  assert.equal(datasetVersion("1.0.3"), "1.0.3");
  assert.equal(datasetVersion(undefined), undefined);
  assert.equal(datasetVersion(""), undefined);
  assert.equal(datasetVersion("x".repeat(40)), undefined);
});

test("a paired device is named after its platform", () => {
  assert.equal(deviceName("Windows"), "Chrome on Windows");
  assert.equal(deviceName("Win32"), "Chrome on Windows");
  assert.equal(deviceName("MacIntel"), "Chrome on macOS");
  assert.equal(deviceName("Linux x86_64"), "Chrome on Linux");
  assert.equal(deviceName("Chrome OS"), "Chrome on ChromeOS");
  assert.equal(deviceName(""), "Chrome");
  assert.equal(deviceName(undefined), "Chrome");
  assert.ok(deviceName("y".repeat(300)).length <= 100);
});

test("an offer push shows a notification tagged by the offer; offer-closed closes that tag", () => {
  const shown = pushAction({
    type: "offer", offerId: "7f0c", conversationId: "c1", kind: "Chat",
    title: "Chat offer: Jane Doe", body: "Example Motors · Sales · 2022 Toyota RAV4", url: "/",
  });
  assert.deepEqual(shown, {
    kind: "show",
    title: "Chat offer: Jane Doe",
    options: { body: "Example Motors · Sales · 2022 Toyota RAV4", tag: "offer-7f0c", data: { url: "/" }, requireInteraction: true },
  });
  assert.deepEqual(pushAction({ type: "offer-closed", offerId: "7f0c" }), { kind: "close", tag: "offer-7f0c" });
  assert.equal(offerTag("7f0c"), "offer-7f0c");
});

test("a malformed push is ignored, and a click never leaves the origin", () => {
  assert.equal(pushAction(undefined), undefined);
  assert.equal(pushAction("offer"), undefined);
  assert.equal(pushAction({ type: "offer" }), undefined);
  assert.equal(pushAction({ type: "offer", offerId: 12 }), undefined);
  assert.equal(pushAction({ type: "something", offerId: "a" }), undefined);
  const bare = pushAction({ type: "offer", offerId: "a" });
  assert.equal(bare?.kind === "show" ? bare.title : undefined, "Showroom");
  const away = pushAction({ type: "offer", offerId: "a", title: "t", url: "https://evil.example/" });
  assert.equal(away?.kind === "show" ? away.options.data.url : undefined, "/");
  assert.equal(safePath("//evil.example/x"), "/");
  assert.equal(safePath("/\\evil.example"), "/");
  assert.equal(safePath("javascript:alert(1)"), "/");
  assert.equal(safePath("/history"), "/history");
});

test("the server's base64url public key becomes the 65 bytes subscribe() takes", () => {
  const bytes = new Uint8Array(65).map((_, i) => (i * 37 + 4) % 256);
  bytes[0] = 4;
  const base64url = Buffer.from(bytes).toString("base64url");
  const key = applicationServerKey(base64url);
  assert.equal(key.length, 65);
  assert.deepEqual([...key], [...bytes]);
  assert.ok(sameKey(key.buffer, bytes));
  assert.ok(!sameKey(new Uint8Array(65).buffer, bytes));
  assert.ok(!sameKey(null, bytes));
});
