import { test } from "node:test";
import assert from "node:assert/strict";
import type { OfferDto } from "@showroom/sdk";
import { isUnauthorized } from "../sdk/src/agentHub.ts";
import { waitingFor } from "../extension/src/dom.ts";
import {
  acceptRefusal, badgeText, closedNotice, offerBody, offerSubject, offerTitle, reconcile, shopperName, transferLine, vehicleLine,
} from "../extension/src/offers.ts";
import { isConsoleUrl, parseConsoleMessage } from "../extension/src/protocol.ts";

const offer = (over: Partial<OfferDto> = {}): OfferDto => ({
  id: "o1", conversationId: "c1", kind: "Chat", dealerId: "d1", dealerName: "Example Motors Downtown", department: "Sales",
  shopperName: "Pat", pageUrl: "https://downtown.example/inventory/rav4", pageTitle: "2022 Toyota RAV4 XLE | Downtown",
  vehicle: { year: 2022, make: "Toyota", model: "RAV4", trim: "XLE" }, returningShopper: false,
  waitingSince: "2026-01-01T10:00:00Z", deadline: "2026-01-01T10:00:20Z", fromAgentName: null, note: null, ...over,
});

test("the badge counts waiting offers and is empty when none wait", () => {
  assert.equal(badgeText(0), "");
  assert.equal(badgeText(1), "1");
  assert.equal(badgeText(12), "12");
  assert.equal(badgeText(150), "99+");
});

test("an offer reads: shopper (or Shopper), dealer, department, then the vehicle, else the page", () => {
  assert.equal(offerTitle(offer()), "Chat offer: Pat");
  assert.equal(offerBody(offer()), "Example Motors Downtown · Sales · 2022 Toyota RAV4 XLE");
  assert.equal(shopperName(offer({ shopperName: null })), "Shopper");
  assert.equal(shopperName(offer({ shopperName: "  " })), "Shopper");
  assert.equal(offerSubject(offer({ vehicle: null })), "2022 Toyota RAV4 XLE | Downtown");
  assert.equal(offerSubject(offer({ vehicle: {}, pageTitle: null })), "https://downtown.example/inventory/rav4");
  assert.equal(offerBody(offer({ vehicle: null, pageTitle: null, pageUrl: null })), "Example Motors Downtown · Sales");
  assert.equal(vehicleLine({ make: "Honda", model: "Civic" }), "Honda Civic");
  assert.equal(vehicleLine(null), undefined);
});

test("a transfer says who sent it and their note", () => {
  const transfer = offer({ kind: "Transfer", fromAgentName: "Jordan", note: " Wants a trade-in quote " });
  assert.equal(offerTitle(transfer), "Transfer offer: Pat");
  assert.equal(transferLine(transfer), "From Jordan: Wants a trade-in quote");
  assert.equal(transferLine({ ...transfer, note: null }), "From Jordan");
  assert.equal(transferLine(offer()), undefined);
});

test("a closing pop-up says why, except when the agent acted on the offer themselves", () => {
  const closed = (reason: Parameters<typeof closedNotice>[0]["reason"], takenBy: string | null = null) =>
    closedNotice({ offerId: "o1", conversationId: "c1", reason, takenBy });
  assert.equal(closed("taken", "Jordan"), "Already taken by Jordan");
  assert.equal(closed("taken"), "Already taken");
  assert.equal(closed("ended"), "The shopper left");
  assert.equal(closed("timed-out"), "The offer timed out");
  assert.equal(closed("accepted"), undefined);
  assert.equal(closed("declined"), undefined);
  assert.equal(acceptRefusal("Jordan"), "Already taken by Jordan");
  assert.equal(acceptRefusal(null), "This chat is no longer waiting");
});

test("reconcile pops up new offers once, closes the pop-ups of offers that left, and all of them when turned off", () => {
  assert.deepEqual(reconcile(["a", "b"], [], true), { show: ["a", "b"], hide: [] });
  assert.deepEqual(reconcile(["a", "b"], ["a"], true), { show: ["b"], hide: [] });
  assert.deepEqual(reconcile(["b"], ["a", "b"], true), { show: [], hide: ["a"] });
  assert.deepEqual(reconcile(["a", "b"], ["a"], false), { show: [], hide: ["a"] });
  assert.deepEqual(reconcile([], [], true), { show: [], hide: [] });
});

test("the content script acts only on the console's own messages, and a pair message needs a token", () => {
  assert.deepEqual(parseConsoleMessage({ source: "showroom-console", type: "ping" }), { source: "showroom-console", type: "ping" });
  assert.deepEqual(parseConsoleMessage({ source: "showroom-console", type: "pair", token: "t0k", extra: 1 }),
    { source: "showroom-console", type: "pair", token: "t0k" });
  assert.equal(parseConsoleMessage({ source: "showroom-console", type: "pair" }), null);
  assert.equal(parseConsoleMessage({ source: "showroom-console", type: "pair", token: 5 }), null);
  assert.equal(parseConsoleMessage({ source: "showroom-console", type: "pair", token: "x".repeat(600) }), null);
  assert.equal(parseConsoleMessage({ source: "showroom-extension", type: "hello" }), null);
  assert.equal(parseConsoleMessage({ source: "showroom-console", type: "eval" }), null);
  assert.equal(parseConsoleMessage("ping"), null);
  assert.equal(parseConsoleMessage(null), null);
});

test("console tabs are the server's pages outside /app, /api, /hubs and /media", () => {
  const server = "https://chat.example.com";
  assert.equal(isConsoleUrl("https://chat.example.com/", server), true);
  assert.equal(isConsoleUrl("https://chat.example.com/profile?x=1", server), true);
  assert.equal(isConsoleUrl("https://chat.example.com/app/extension/popup.html", server), false);
  assert.equal(isConsoleUrl("https://chat.example.com/api/me", server), false);
  assert.equal(isConsoleUrl("https://chat.example.com.evil.test/", server), false);
  assert.equal(isConsoleUrl("http://chat.example.com/", server), false);
  assert.equal(isConsoleUrl(undefined, server), false);
  assert.equal(isConsoleUrl("not a url", server), false);
});

test("a refused negotiate is told apart from other start failures", () => {
  assert.equal(isUnauthorized(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'")), true);
  assert.equal(isUnauthorized(new Error("Failed to complete negotiation with the server: Error: Status code '500'")), false);
  assert.equal(isUnauthorized(new Error("Failed to fetch")), false);
  assert.equal(isUnauthorized("Status code '401'"), false);
});

test("the pop-up counts the wait in minutes and seconds", () => {
  const since = "2026-01-01T10:00:00Z";
  assert.equal(waitingFor(since, Date.parse(since) + 65_000), "Waiting 1:05");
  assert.equal(waitingFor(since, Date.parse(since) - 1_000), "Waiting 0:00");
});
