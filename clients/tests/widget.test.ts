import { test } from "node:test";
import assert from "node:assert/strict";
import { MessageLog } from "../sdk/src/messageLog.ts";
import { hubErrorMessage } from "../sdk/src/shopperHub.ts";
import type { MessageDto } from "../sdk/src/conversations.ts";
import { cleanVehicle, readDepartment, readVehicle } from "../widget/src/vehicle.ts";
import { pickLang } from "../widget/src/lang.ts";
import { catalogs } from "../widget/src/strings.ts";
import { linkParts } from "../widget/src/dom.ts";
import { TypingSignal } from "../widget/src/typing.ts";

const message = (seq: number, clientMessageId = `c${seq}`, sender: MessageDto["sender"] = "Shopper"): MessageDto => ({
  id: `m${seq}`, conversationId: "conv", seq, clientMessageId, sender, senderName: null, text: `text ${seq}`, sentAt: "2026-11-27T00:00:00Z",
});

test("a pending send leaves the pending list when its acknowledgement arrives", () => {
  const log = new MessageLog();
  log.addPending("a", "hello");
  assert.deepEqual(log.pending.map((p) => p.clientMessageId), ["a"]);
  assert.ok(log.add(message(1, "a")));
  assert.deepEqual(log.pending, []);
  assert.deepEqual(log.messages.map((m) => m.seq), [1]);
});

test("the same message by acknowledgement, MessageReceived and Sync is kept once", () => {
  const log = new MessageLog();
  log.addPending("a", "hello");
  assert.ok(log.add(message(1, "a")));
  assert.equal(log.add(message(1, "a")), false);
  assert.equal(log.add(message(1, "a"), message(2, "b", "Agent")), true);
  assert.deepEqual(log.messages.map((m) => m.clientMessageId), ["a", "b"]);
});

test("messages are kept in seq order whatever order they arrive in, and lastSeq stops at the first gap", () => {
  const log = new MessageLog();
  log.add(message(3), message(1));
  assert.deepEqual(log.messages.map((m) => m.seq), [1, 3]);
  assert.equal(log.lastSeq, 1);
  assert.ok(log.isGap(3));
  assert.ok(!log.isGap(2));
  log.add(message(2));
  assert.equal(log.lastSeq, 3);
  assert.ok(log.isGap(5));
  assert.ok(!log.isGap(4));
});

test("an empty log syncs from 0 and a refused send stays shown but is not retried", () => {
  const log = new MessageLog();
  assert.equal(log.lastSeq, 0);
  log.addPending("a", "one");
  log.addPending("b", "two");
  log.addPending("a", "one again");
  log.fail("a", "This chat has ended.");
  assert.deepEqual(log.pending.map((p) => [p.clientMessageId, p.error]), [["a", "This chat has ended."], ["b", undefined]]);
  assert.deepEqual(log.retryable.map((p) => p.clientMessageId), ["b"]);
});

test("a HubException's message is told apart from a lost connection", () => {
  assert.equal(hubErrorMessage(new Error("An unexpected error occurred invoking 'SendMessage' on the server. HubException: This chat has ended.")), "This chat has ended.");
  assert.equal(hubErrorMessage(new Error("Invocation canceled due to the underlying connection being closed.")), undefined);
  assert.equal(hubErrorMessage("nope"), undefined);
});

const attributes = (values: Record<string, string>) => ({ getAttribute: (name: string) => values[name] ?? null });

test("the vehicle is read from the page's data attributes, numbers parsed", () => {
  assert.deepEqual(readVehicle(attributes({
    "data-year": "2021", "data-make": " Honda ", "data-model": "Civic", "data-trim": "EX", "data-vin": "2HGFE2F59MH512345",
    "data-stock": "D21455", "data-condition": "Used", "data-price": "$21,995",
  })), { year: 2021, make: "Honda", model: "Civic", trim: "EX", vin: "2HGFE2F59MH512345", stockNumber: "D21455", condition: "Used", price: 21995 });
  assert.deepEqual(readVehicle(attributes({ "data-make": "Ford", "data-year": "soon", "data-price": "call us" })), { make: "Ford" });
  assert.equal(readVehicle(attributes({})), undefined);
  assert.equal(readVehicle(null), undefined);
});

test("setVehicle input keeps known fields only", () => {
  assert.deepEqual(cleanVehicle({ year: 2024, make: "Toyota", price: 36480.5, color: "red", stockNumber: "N1" }), { year: 2024, make: "Toyota", price: 36480.5, stockNumber: "N1" });
  assert.equal(cleanVehicle("Civic"), undefined);
  assert.equal(cleanVehicle(null), undefined);
});

test("the page's department is matched whatever its case, only among the offered ones", () => {
  assert.equal(readDepartment("service", ["Sales", "Service"]), "Service");
  assert.equal(readDepartment("Parts", ["Sales", "Service"]), undefined);
  assert.equal(readDepartment(undefined, ["Sales"]), undefined);
});

test("the language is the browser's first of English, Spanish, French", () => {
  assert.equal(pickLang(["es-MX", "en-US"]), "es");
  assert.equal(pickLang(["de-DE", "fr-CA"]), "fr");
  assert.equal(pickLang(["de-DE"]), "en");
  assert.equal(pickLang([]), "en");
});

test("every language has every string, with the same placeholders", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort().join();
  for (const lang of ["es", "fr"] as const) {
    assert.deepEqual(Object.keys(catalogs[lang]).sort(), Object.keys(catalogs.en).sort());
    for (const [key, text] of Object.entries(catalogs.en)) {
      assert.equal(placeholders(catalogs[lang][key as keyof typeof catalogs.en]), placeholders(text), `${lang}.${key}`);
      assert.ok(catalogs[lang][key as keyof typeof catalogs.en].trim(), `${lang}.${key} is empty`);
    }
  }
});

test("only http(s) addresses become links, without trailing punctuation", () => {
  assert.deepEqual(linkParts("See https://example.com/cars. Or javascript:alert(1)"), [
    { text: "See " }, { text: "https://example.com/cars", href: "https://example.com/cars" }, { text: ". Or javascript:alert(1)" },
  ]);
  assert.deepEqual(linkParts("<b>hi</b>"), [{ text: "<b>hi</b>" }]);
});

test("typing is told when it starts, at most every 3 s while it goes on, and once when it stops", () => {
  let now = 0;
  const sent: boolean[] = [];
  const signal = new TypingSignal((typing) => sent.push(typing), () => now);
  signal.input(true);
  now = 1_000;
  signal.input(true);
  now = 3_000;
  signal.input(true);
  assert.deepEqual(sent, [true, true]);
  signal.input(false);
  signal.stop();
  assert.deepEqual(sent, [true, true, false]);
  now = 3_100;
  signal.input(true);
  signal.stop();
  assert.deepEqual(sent, [true, true, false, true, false]);
});
