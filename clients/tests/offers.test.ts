import { test } from "node:test";
import assert from "node:assert/strict";
import type { OfferClosedDto, OfferDto } from "../sdk/src/agentConversations.ts";
import type { MessageDto } from "../sdk/src/conversations.ts";
import { formatWaiting, noOffers, offersReducer, waitingCount, type OfferAction, type OfferState } from "../console/src/chat/offers.ts";
import { readReceiptSeq, seqToMarkRead } from "../console/src/chat/chats.ts";
import { TypingSender, type Clock } from "../console/src/chat/typing.ts";

const offer = (id: string, waitingSince = "2026-01-01T12:00:00Z"): OfferDto => ({
  id, conversationId: `c-${id}`, kind: "Chat", dealerId: "d", dealerName: "Example Motors Downtown", department: "Sales",
  shopperName: "Pat", pageUrl: null, pageTitle: null, vehicle: null, returningShopper: false, waitingSince,
  deadline: "2026-01-01T12:01:00Z", fromAgentName: null, note: null,
});
const closed = (offerId: string, reason: OfferClosedDto["reason"], takenBy: string | null = null): OfferAction =>
  ({ type: "closed", closed: { offerId, conversationId: `c-${offerId}`, reason, takenBy } });
const run = (...actions: OfferAction[]): OfferState => actions.reduce(offersReducer, noOffers);
const ids = (state: OfferState) => state.cards.map((c) => c.offer.id);
const message = (seq: number, sender: MessageDto["sender"]): MessageDto => ({
  id: `m${seq}`, conversationId: "c", seq, clientMessageId: `c${seq}`, sender, senderName: null, text: "", sentAt: "2026-01-01T12:00:00Z",
});

test("offers are listed once each, longest waiting first", () => {
  const state = run(
    { type: "received", offer: offer("b", "2026-01-01T12:00:05Z") },
    { type: "received", offer: offer("a", "2026-01-01T12:00:01Z") },
    { type: "received", offer: offer("b", "2026-01-01T12:00:05Z") },
  );
  assert.deepEqual(ids(state), ["a", "b"]);
  assert.equal(waitingCount(state), 2);
});

test("a resync replaces the open offers without duplicates and never brings back one closed meanwhile", () => {
  const state = run(
    { type: "received", offer: offer("a") },
    { type: "received", offer: offer("gone-while-away") },
    closed("late", "taken", "Alex"),
    { type: "resynced", offers: [offer("a"), offer("late"), offer("new", "2026-01-01T12:00:09Z"), offer("a")] },
  );
  assert.deepEqual(ids(state), ["a", "new"]);
});

test("a closed offer leaves at once, whatever the reason", () => {
  for (const reason of ["taken", "accepted", "declined", "timed-out", "ended", "missed", "cancelled"] as const) {
    assert.deepEqual(ids(run({ type: "received", offer: offer("a") }, closed("a", reason, "Alex"))), [], reason);
  }
});

test("losing the race turns the card into 'Already taken' until it is removed", () => {
  let state = run({ type: "received", offer: offer("a") }, { type: "accepting", id: "a" }, { type: "taken", id: "a", takenBy: "Alex" });
  assert.equal(state.cards[0]?.state, "gone");
  assert.equal(state.cards[0]?.takenBy, "Alex");
  assert.equal(waitingCount(state), 0);
  state = offersReducer(state, { type: "removed", id: "a" });
  assert.deepEqual(ids(state), []);
});

test("OfferClosed arriving before AcceptOffer's answer keeps the card, saying who took it", () => {
  const state = run({ type: "received", offer: offer("a") }, { type: "accepting", id: "a" }, closed("a", "taken", "Alex"));
  assert.equal(state.cards[0]?.state, "gone");
  assert.equal(state.cards[0]?.takenBy, "Alex");
  // The shopper left: nobody took it.
  const ended = run({ type: "received", offer: offer("a") }, { type: "accepting", id: "a" }, closed("a", "ended"));
  assert.equal(ended.cards[0]?.takenBy, null);
  // Accepted by this agent (its own echo): the card waits for the answer.
  const own = run({ type: "received", offer: offer("a") }, { type: "accepting", id: "a" }, closed("a", "accepted"));
  assert.equal(own.cards[0]?.state, "accepting");
});

test("a failed accept reopens the card with the reason; a resync leaves a card being accepted alone", () => {
  let state = run({ type: "received", offer: offer("a") }, { type: "accepting", id: "a" });
  state = offersReducer(state, { type: "resynced", offers: [] });
  assert.equal(state.cards[0]?.state, "accepting");
  state = offersReducer(state, { type: "acceptFailed", id: "a", error: "" });
  assert.equal(state.cards[0]?.state, "open");
  assert.equal(state.cards[0]?.error, "");
});

test("an offer received again after it closed is a new round and shows", () => {
  assert.deepEqual(ids(run({ type: "received", offer: offer("a") }, closed("a", "timed-out"), { type: "received", offer: offer("a") })), ["a"]);
});

test("waiting time counts up as m:ss, then h:mm:ss", () => {
  assert.equal(formatWaiting(0), "0:00");
  assert.equal(formatWaiting(42_500), "0:42");
  assert.equal(formatWaiting(725_000), "12:05");
  assert.equal(formatWaiting(3_729_000), "1:02:09");
  assert.equal(formatWaiting(-5_000), "0:00");
});

test("only the agent's newest message the shopper has read says Read", () => {
  const messages = [message(1, "System"), message(2, "Agent"), message(3, "Shopper"), message(4, "Agent"), message(5, "Agent")];
  assert.equal(readReceiptSeq(messages, 0), undefined);
  assert.equal(readReceiptSeq(messages, 3), 2);
  assert.equal(readReceiptSeq(messages, 4), 4);
  assert.equal(readReceiptSeq(messages, 9), 5);
});

test("a chat is marked read up to its newest line only when a shopper line is unread", () => {
  const messages = [message(1, "Shopper"), message(2, "Agent"), message(3, "Shopper"), message(4, "Agent")];
  assert.equal(seqToMarkRead(messages, 0), 4);
  assert.equal(seqToMarkRead(messages, 3), undefined);
  assert.equal(seqToMarkRead([], 0), undefined);
});

test("the agent's typing goes out at most every 3 s, and stops on a clear or after 5 s of quiet", () => {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => (timers.set(++next, { at: now + ms, run }), next),
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) if (timer.at <= now) (timers.delete(id), timer.run());
  };
  const sent: boolean[] = [];
  const sender = new TypingSender((typing) => sent.push(typing), clock);

  sender.input(true);
  advance(1000);
  sender.input(true);
  advance(1000);
  sender.input(true);
  assert.deepEqual(sent, [true]);
  advance(1000);
  sender.input(true);
  assert.deepEqual(sent, [true, true]);
  advance(4999);
  assert.deepEqual(sent, [true, true]);
  advance(1);
  assert.deepEqual(sent, [true, true, false]);

  sender.input(true);
  sender.input(false);
  assert.deepEqual(sent, [true, true, false, true, false]);
  sender.stop();
  assert.deepEqual(sent, [true, true, false, true, false], "nothing to stop twice");
});

test("an offer pushed while a resync is on its way survives the resync's older answer", () => {
  let state = offersReducer(noOffers, { type: "received", offer: offer("old"), seq: 1 });
  const since = 1;
  state = offersReducer(state, { type: "received", offer: offer("new", "2026-01-01T12:00:09Z"), seq: 2 });
  state = offersReducer(state, { type: "resynced", offers: [], since });
  assert.deepEqual(state.cards.map((c) => c.offer.id), ["new"]);
});
