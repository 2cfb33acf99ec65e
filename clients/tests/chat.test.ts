import { test } from "node:test";
import assert from "node:assert/strict";
import type { MessageDto } from "../sdk/src/conversations.ts";
import { composerKey, linkify, newClientMessageId, nextIndex, safeHttpUrl, unreadCount, vehicleSummary } from "../console/src/chat/chats.ts";

const message = (seq: number, sender: MessageDto["sender"]): MessageDto => ({
  id: `m${seq}`, conversationId: "c", seq, clientMessageId: `c${seq}`, sender, senderName: null, text: "", sentAt: "2026-01-01T12:00:00Z",
});

test("the vehicle of interest reads as year, make, model and trim, skipping what the page did not give", () => {
  assert.equal(vehicleSummary({ year: 2022, make: "Toyota", model: "RAV4", trim: null, vin: "X", price: 1 }), "2022 Toyota RAV4");
  assert.equal(vehicleSummary({ make: " Ford ", model: "F-150", trim: "XLT" }), "Ford F-150 XLT");
  assert.equal(vehicleSummary({ vin: "1HGCM82633A004352" }), undefined);
  assert.equal(vehicleSummary(null), undefined);
});

test("only absolute http and https addresses may be links", () => {
  assert.equal(safeHttpUrl("https://downtown.example/inventory/rav4?x=1"), "https://downtown.example/inventory/rav4?x=1");
  assert.equal(safeHttpUrl("http://downtown.example"), "http://downtown.example/");
  assert.equal(safeHttpUrl("javascript:alert(1)"), undefined);
  assert.equal(safeHttpUrl("JaVaScRiPt:alert(1)"), undefined);
  assert.equal(safeHttpUrl("data:text/html,<script>alert(1)</script>"), undefined);
  assert.equal(safeHttpUrl("/inventory"), undefined);
  assert.equal(safeHttpUrl(null), undefined);
});

test("message text is cut into text and http(s) links; markup stays text", () => {
  assert.deepEqual(linkify("See https://downtown.example/rav4. Thanks"), [
    { text: "See " }, { url: "https://downtown.example/rav4", text: "https://downtown.example/rav4" }, { text: ". Thanks" },
  ]);
  assert.deepEqual(linkify("<img src=x onerror=alert(1)>"), [{ text: "<img src=x onerror=alert(1)>" }]);
  assert.deepEqual(linkify("javascript:alert(1) and ftp://x.example"), [{ text: "javascript:alert(1) and ftp://x.example" }]);
  assert.deepEqual(linkify(""), []);
});

test("unread counts the shopper's messages after the last one read", () => {
  const messages = [message(1, "System"), message(2, "Shopper"), message(3, "Agent"), message(4, "Shopper"), message(5, "Shopper")];
  assert.equal(unreadCount(messages, 0), 3);
  assert.equal(unreadCount(messages, 4), 1);
  assert.equal(unreadCount(messages, 5), 0);
});

test("Enter sends; Shift+Enter and Enter during IME composition type a new line", () => {
  assert.equal(composerKey({ key: "Enter", shiftKey: false }), "send");
  assert.equal(composerKey({ key: "Enter", shiftKey: true }), "type");
  assert.equal(composerKey({ key: "Enter", shiftKey: false, isComposing: true }), "type");
  assert.equal(composerKey({ key: "a", shiftKey: false }), "type");
});

test("arrow keys move through the chat list and wrap; Home and End jump", () => {
  assert.equal(nextIndex("ArrowDown", 0, 3), 1);
  assert.equal(nextIndex("ArrowDown", 2, 3), 0);
  assert.equal(nextIndex("ArrowUp", 0, 3), 2);
  assert.equal(nextIndex("Home", 2, 3), 0);
  assert.equal(nextIndex("End", 0, 3), 2);
  assert.equal(nextIndex("Tab", 0, 3), undefined);
  assert.equal(nextIndex("ArrowDown", 0, 0), undefined);
});

test("client message ids are 32 hex digits and differ", () => {
  const id = newClientMessageId();
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.notEqual(id, newClientMessageId());
});
