import { test } from "node:test";
import assert from "node:assert/strict";
import type { TransferTargetDto, TransferUpdateDto } from "../sdk/src/agentConversations.ts";
import {
  departmentOptions, outcomeKey, sortTargets, targetStatusLine, transfersReducer, type TransferAction, type TransferState,
} from "../console/src/chat/transfer.ts";

const target = (name: string, status: TransferTargetDto["status"], unavailableReason: TransferTargetDto["unavailableReason"] = null,
  departments: TransferTargetDto["departments"] = ["Sales"], dealerId = "d1", dealerName = "Downtown"): TransferTargetDto =>
  ({ agentId: name.toLowerCase(), name, status, unavailableReason, departments, dealerId, dealerName });
const update = (outcome: TransferUpdateDto["outcome"], targetName: string | null = "Jordan", conversationId = "c1"): TransferAction =>
  ({ type: "updated", update: { conversationId, offerId: "o-other", outcome, targetName } });
const run = (...actions: TransferAction[]): TransferState => actions.reduce(transfersReducer, {});
const requested: TransferAction = { type: "requested", conversationId: "c1", offerId: "o1", target: { agentName: "Jordan Lee" } };

test("colleagues who can take the chat come first, then by status, then by name", () => {
  const sorted = sortTargets([
    target("Zoe", "Offline", "offline"),
    target("Maria", "DoNotDisturb", "do-not-disturb"),
    target("Jordan", "Away"),
    target("Casey", "Available", "chat-limit"),
    target("alex", "Away"),
    target("Ben", "Available"),
  ], "en-US");
  assert.deepEqual(sorted.map((t) => t.name), ["Ben", "alex", "Jordan", "Casey", "Maria", "Zoe"]);
});

test("the line under a colleague gives their status, or why they cannot take the chat", () => {
  assert.deepEqual(targetStatusLine(target("J", "Away")), { status: "status.away" });
  assert.deepEqual(targetStatusLine(target("J", "Available")), { status: "status.available" });
  assert.deepEqual(targetStatusLine(target("M", "DoNotDisturb", "do-not-disturb")), { reason: "transfer.reason.doNotDisturb" });
  assert.deepEqual(targetStatusLine(target("Z", "Offline", "offline")), { reason: "transfer.reason.offline" });
  assert.deepEqual(targetStatusLine(target("C", "Away", "chat-limit")), { status: "status.away", reason: "transfer.reason.chatLimit" });
});

test("departments are the colleagues' own, in the usual order, each with how many can take it now", () => {
  const options = departmentOptions([
    target("Jordan", "Away", null, ["Sales", "Finance"]),
    target("Maria", "DoNotDisturb", "do-not-disturb", ["Sales", "Service"]),
    target("Ben", "Available", null, ["Sales"]),
  ], "d1");
  assert.deepEqual(options, [
    { department: "Sales", ready: 2 },
    { department: "Service", ready: 0 },
    { department: "Finance", ready: 1 },
  ]);
  assert.deepEqual(departmentOptions([], "d1"), []);
});

test("departments of the group's other dealers follow the chat's dealer's, named by dealer", () => {
  const options = departmentOptions([
    target("Chris", "Available", null, ["Parts"], "d2", "Lakeside"),
    target("Ben", "Available", null, ["Sales"]),
    target("Priya", "Away", null, ["Sales"], "d2", "Lakeside"),
  ], "d1");
  assert.deepEqual(options, [
    { department: "Sales", ready: 1 },
    { department: "Sales", ready: 1, dealer: { id: "d2", name: "Lakeside" } },
    { department: "Parts", ready: 1, dealer: { id: "d2", name: "Lakeside" } },
  ]);
});

test("transfers still waiting on the server are shown again after a reload, without undoing what this tab knows", () => {
  const restored = run(requested, {
    type: "restored",
    sent: [
      { conversationId: "c1", offerId: "o9", targetName: "Maria", toDepartment: null, deadline: "2026-11-27T10:00:00Z" },
      { conversationId: "c2", offerId: "o2", targetName: "Finance", toDepartment: "Finance", deadline: "2026-11-27T10:00:00Z" },
      { conversationId: "c3", offerId: "o3", targetName: "Jordan", toDepartment: null, deadline: "2026-11-27T10:00:00Z" },
    ],
  });
  assert.deepEqual(restored["c1"]?.pending, { offerId: "o1", target: { agentName: "Jordan Lee" } });
  assert.deepEqual(restored["c2"]?.pending, { offerId: "o2", target: { department: "Finance" } });
  assert.deepEqual(restored["c3"]?.pending, { offerId: "o3", target: { agentName: "Jordan" } });
});

test("a transfer is pending until its update; the update is matched by chat, whichever offer settled it", () => {
  assert.deepEqual(run(requested), { c1: { pending: { offerId: "o1", target: { agentName: "Jordan Lee" } } } });
  assert.deepEqual(run(requested, update("declined")), {
    c1: { outcome: { outcome: "declined", targetName: "Jordan", target: { agentName: "Jordan Lee" } } },
  });
  assert.deepEqual(run(requested, update("timed-out", null))["c1"]?.outcome?.outcome, "timed-out");
  assert.equal(run(requested, update("cancelled", null))["c1"]?.pending, undefined);
});

test("an accepted transfer leaves nothing behind (the chat is the colleague's), and other chats are untouched", () => {
  const other: TransferAction = { type: "requested", conversationId: "c2", offerId: "o2", target: { department: "Finance" } };
  const state = run(requested, other, update("accepted"));
  assert.deepEqual(Object.keys(state), ["c2"]);
  assert.deepEqual(state["c2"]?.pending?.target, { department: "Finance" });
});

test("an outcome heard by a client that did not send the transfer (another tab) is still shown", () => {
  assert.deepEqual(run(update("declined", "Jordan", "c9")), { c9: { outcome: { outcome: "declined", targetName: "Jordan", target: undefined } } });
});

test("dismissing or forgetting a chat removes it; unknown chats change nothing", () => {
  const state = run(requested);
  assert.deepEqual(transfersReducer(state, { type: "dismissed", conversationId: "c1" }), {});
  assert.deepEqual(transfersReducer(state, { type: "forgotten", conversationId: "c1" }), {});
  assert.equal(transfersReducer(state, { type: "forgotten", conversationId: "nope" }), state);
});

test("a new transfer after a declined one replaces the outcome with the pending offer", () => {
  const state = run(requested, update("declined"), { ...requested, offerId: "o3" } as TransferAction);
  assert.deepEqual(state, { c1: { pending: { offerId: "o3", target: { agentName: "Jordan Lee" } } } });
});

test("each outcome has its words; a declined department transfer names nobody", () => {
  assert.equal(outcomeKey("accepted", "Jordan"), "transfer.outcome.accepted");
  assert.equal(outcomeKey("declined", "Jordan"), "transfer.outcome.declined");
  assert.equal(outcomeKey("declined", null), "transfer.outcome.declinedNobody");
  assert.equal(outcomeKey("timed-out", null), "transfer.outcome.timedOut");
  assert.equal(outcomeKey("cancelled", null), "transfer.outcome.cancelled");
  assert.equal(outcomeKey("ended", null), "transfer.outcome.ended");
});
