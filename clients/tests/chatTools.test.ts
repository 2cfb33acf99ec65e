import { test } from "node:test";
import assert from "node:assert/strict";
import type { MessageDto } from "../sdk/src/conversations.ts";
import { ofDealer, replyOverdueMs, replyWait, replyWaitingSince } from "../console/src/chat/waiting.ts";
import { insertCanned, matchCanned, slashQuery, type CannedResponse } from "../console/src/chat/canned.ts";
import { soundState } from "../console/src/chat/offerAlerts.ts";
import { chatShortcut } from "../console/src/chat/shortcuts.ts";
import { historyQuery, nextDay, zonedDayStart } from "../console/src/history/history.ts";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 15, 0, seconds)).toISOString();
const message = (seq: number, sender: MessageDto["sender"], seconds = seq): MessageDto => ({
  id: `m${seq}`, conversationId: "c", seq, clientMessageId: `c${seq}`, sender, senderName: null, text: "", sentAt: at(seconds),
});

test("a shopper waits for a reply from their last message while it is newer than the agent's last", () => {
  assert.equal(replyWaitingSince([message(1, "System"), message(2, "Shopper", 5)], false), at(5));
  assert.equal(replyWaitingSince([message(1, "Shopper", 1), message(2, "Shopper", 9)], false), at(9));
  assert.equal(replyWaitingSince([message(1, "Shopper"), message(2, "Agent")], false), undefined);
  // A system line after the shopper's question (e.g. a join) does not answer it.
  assert.equal(replyWaitingSince([message(1, "Agent"), message(2, "Shopper", 7), message(3, "System")], false), at(7));
  // A reply still being sent counts as answered.
  assert.equal(replyWaitingSince([message(1, "Shopper")], true), undefined);
  assert.equal(replyWaitingSince([], false), undefined);
});

test("the reply timer is highlighted from 30 seconds on", () => {
  const since = at(0);
  const start = Date.parse(since);
  assert.deepEqual(replyWait(since, start + 29_999), { ms: 29_999, overdue: false });
  assert.deepEqual(replyWait(since, start + replyOverdueMs), { ms: 30_000, overdue: true });
  // A browser clock a little behind the server's never shows a negative time.
  assert.deepEqual(replyWait(since, start - 2000), { ms: 0, overdue: false });
  assert.equal(replyWait(undefined, start), undefined);
});

test("the dealer filter keeps one dealer's items, or all without a choice", () => {
  const items = [{ d: "a" }, { d: "b" }, { d: "a" }];
  assert.deepEqual(ofDealer(items, "a", (i) => i.d), [{ d: "a" }, { d: "a" }]);
  assert.deepEqual(ofDealer(items, undefined, (i) => i.d), items);
  assert.deepEqual(ofDealer(items, "z", (i) => i.d), []);
});

const canned = (shortcut: string, dealerId: string | null = null, id = `${shortcut}-${dealerId}`): CannedResponse =>
  ({ id, dealerId, dealerName: dealerId ? `Dealer ${dealerId}` : null, shortcut, text: `text of ${shortcut}`, canEdit: true });

test("a canned shortcut is a '/' at the start or after a space, up to the caret", () => {
  assert.deepEqual(slashQuery("/ho", 3), { start: 0, query: "ho" });
  assert.deepEqual(slashQuery("Hi! /", 5), { start: 4, query: "" });
  assert.deepEqual(slashQuery("line\n/Trade-In", 14), { start: 5, query: "trade-in" });
  assert.equal(slashQuery("see https://x.example/ho", 24), undefined);
  assert.equal(slashQuery("and/or", 6), undefined);
  assert.equal(slashQuery("/ho now", 7), undefined);
  assert.deepEqual(slashQuery("/ho now", 3), { start: 0, query: "ho" });
});

test("canned matches: prefix before substring, personal before the dealer's, only the chat's dealer", () => {
  const all = [canned("hours", "d1"), canned("hours"), canned("shop-hours"), canned("hello"), canned("hours", "d2"), canned("trade-in")];
  assert.deepEqual(matchCanned(all, "ho", "d1").map((c) => c.id), ["hours-null", "hours-d1", "shop-hours-null"]);
  assert.deepEqual(matchCanned(all, "", "d2").map((c) => c.shortcut), ["hello", "hours", "hours", "shop-hours", "trade-in"]);
  assert.deepEqual(matchCanned(all, "zzz", "d1"), []);
  assert.equal(matchCanned(all, "", "d1", 2).length, 2);
});

test("inserting a canned response replaces the typed '/shortcut' and puts the caret after it", () => {
  assert.deepEqual(insertCanned("Hi /ho", 3, 6, "We open at 9."), { text: "Hi We open at 9.", caret: 16 });
  assert.deepEqual(insertCanned("/ho and more", 0, 3, "X"), { text: "X and more", caret: 1 });
});

test("the sound control: off when turned off, 'Click to enable sound' while the browser holds audio", () => {
  assert.equal(soundState(false, "suspended", 2), "off");
  assert.equal(soundState(true, "suspended", 0), "blocked");
  assert.equal(soundState(true, "suspended", 1), "blocked");
  assert.equal(soundState(true, "running", 1), "ringing");
  assert.equal(soundState(true, "running", 0), "ready");
  assert.equal(soundState(true, "unavailable", 1), "unavailable");
});

test("Alt+ArrowUp, Alt+ArrowDown and Alt+R are the chat shortcuts; other modifiers are left alone", () => {
  const key = (key: string, code: string, more: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    ({ key, code, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...more });
  assert.equal(chatShortcut(key("ArrowUp", "ArrowUp")), "previous");
  assert.equal(chatShortcut(key("ArrowDown", "ArrowDown")), "next");
  assert.equal(chatShortcut(key("®", "KeyR")), "reply");
  assert.equal(chatShortcut(key("r", "KeyR", { altKey: false })), undefined);
  assert.equal(chatShortcut(key("ArrowUp", "ArrowUp", { shiftKey: true })), undefined);
});

test("history dates are whole days in the agent's zone; To includes its day", () => {
  assert.equal(zonedDayStart("2026-11-27", "America/Chicago"), "2026-11-27T06:00:00.000Z");
  assert.equal(zonedDayStart("2026-07-01", "America/Chicago"), "2026-07-01T05:00:00.000Z");
  assert.equal(zonedDayStart("2026-03-08", "America/New_York"), "2026-03-08T05:00:00.000Z");
  assert.equal(zonedDayStart("2026-11-27", "Not/AZone"), "2026-11-27T00:00:00.000Z");
  assert.equal(zonedDayStart("27/11/2026", "UTC"), undefined);
  assert.equal(nextDay("2026-12-31"), "2027-01-01");
  const query = new URLSearchParams(historyQuery({ q: " pat ", from: "2026-11-01", to: "2026-11-27", dealerId: "" }, "America/Chicago", "2026-11-20T00:00:00Z"));
  assert.equal(query.get("q"), "pat");
  assert.equal(query.get("from"), "2026-11-01T05:00:00.000Z");
  assert.equal(query.get("to"), "2026-11-28T06:00:00.000Z");
  assert.equal(query.get("before"), "2026-11-20T00:00:00Z");
  assert.equal(query.has("dealerId"), false);
  assert.equal(historyQuery({ q: "", from: "", to: "", dealerId: "" }, "UTC"), "");
});
