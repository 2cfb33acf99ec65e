import { test } from "node:test";
import assert from "node:assert/strict";
import type { InternalMessageDto, InternalThreadDto, NoteDto } from "../sdk/src/agentConversations.ts";
import { MessageLog } from "../sdk/src/messageLog.ts";
import {
  excerpt, mergeNotes, orderThreads, seqToMarkRead, shouldNotify, threadUnread, toLine, withArrival, withRead,
} from "../console/src/internal/internal.ts";

const me = "AAAA-me";
const thread = (over: Partial<InternalThreadDto> = {}): InternalThreadDto => ({
  id: "t1", dealerId: "d1", dealerName: "Example Motors Downtown", kind: "Direct", withAgentId: "b", title: "Jordan Lee",
  lastSeq: 0, readSeq: 0, unread: 0, ...over,
});
const message = (seq: number, agentId = "jordan", over: Partial<InternalMessageDto> = {}): InternalMessageDto => ({
  id: `m${seq}`, threadId: "t1", seq, clientMessageId: `c${seq}`, agentId, agentName: "Jordan", text: `line ${seq}`,
  sentAt: `2026-11-27T10:00:0${seq}Z`, ...over,
});

test("team rooms come first, then direct chats by name", () => {
  const ordered = orderThreads([
    thread({ id: "1", title: "Zoe Park" }),
    thread({ id: "2", kind: "TeamRoom", title: "Example Motors Uptown", dealerName: "Example Motors Uptown" }),
    thread({ id: "3", title: "alex Kim" }),
    thread({ id: "4", kind: "TeamRoom", title: "Example Motors Downtown", dealerName: "Example Motors Downtown" }),
  ], "en-US");
  assert.deepEqual(ordered.map((t) => t.id), ["4", "2", "3", "1"]);
});

test("internal messages go through the sdk's MessageLog: once by seq, pending until their echo", () => {
  const log = new MessageLog();
  log.addPending("c2", "on my way");
  log.add(toLine(message(1)), toLine(message(1)));
  assert.equal(log.messages.length, 1);
  assert.equal(log.pending.length, 1);
  log.add(toLine(message(2, me)));
  assert.equal(log.pending.length, 0);
  assert.equal(log.lastSeq, 2);
  assert.equal((log.messages[1] as ReturnType<typeof toLine>).agentId, me);
});

test("unread counts colleagues' lines after the read mark once the log is complete, else the server's count", () => {
  const lines = [toLine(message(1)), toLine(message(2, me)), toLine(message(3)), toLine(message(4))];
  assert.equal(threadUnread(thread({ lastSeq: 4, readSeq: 1, unread: 9 }), lines, 4, "aaaa-ME"), 2);
  assert.equal(threadUnread(thread({ lastSeq: 6, readSeq: 1, unread: 5 }), lines, 4, me), 5);
});

test("an arrival moves the newest seq and counts only a colleague's new line", () => {
  let t = thread({ lastSeq: 2, readSeq: 2 });
  t = withArrival(t, message(3), me);
  assert.deepEqual([t.lastSeq, t.unread], [3, 1]);
  t = withArrival(t, message(4, me), me);
  assert.deepEqual([t.lastSeq, t.unread], [4, 1]);
  assert.equal(withArrival(t, message(3), me), t, "a line seen already counts once");
  t = withRead(t, 4);
  assert.deepEqual([t.readSeq, t.unread], [4, 0]);
  assert.equal(withRead(t, 2), t, "read marks never go back");
});

test("the read mark goes to the newest line the log holds, only when it is past the mark", () => {
  assert.equal(seqToMarkRead(5, 3), 5);
  assert.equal(seqToMarkRead(3, 3), undefined);
  assert.equal(seqToMarkRead(0, 0), undefined);
});

test("Available and Away are told of a colleague's message; Do Not Disturb and Offline only count it", () => {
  assert.equal(shouldNotify("Available", false, false), true);
  assert.equal(shouldNotify("Away", false, false), true);
  assert.equal(shouldNotify("DoNotDisturb", false, false), false);
  assert.equal(shouldNotify("Offline", false, false), false);
  assert.equal(shouldNotify(undefined, false, false), false);
  assert.equal(shouldNotify("Available", true, false), false, "not the agent's own line");
  assert.equal(shouldNotify("Available", false, true), false, "not the thread on screen");
});

test("a toast's excerpt is one line, cut at a word", () => {
  assert.equal(excerpt("Can you\n take   line 2?"), "Can you take line 2?");
  assert.equal(excerpt("The customer in the blue sedan wants a test drive", 30), "The customer in the blue…");
});

test("private notes merge by id, oldest first", () => {
  const note = (id: string, at: string): NoteDto => ({ id, conversationId: "c", clientNoteId: `n${id}`, agentId: "a", agentName: "Sam", text: id, at });
  const merged = mergeNotes([note("2", "2026-11-27T10:00:02Z")], [note("1", "2026-11-27T10:00:01Z"), note("2", "2026-11-27T10:00:02Z")]);
  assert.deepEqual(merged.map((n) => n.id), ["1", "2"]);
});
