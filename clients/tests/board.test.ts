import { test } from "node:test";
import assert from "node:assert/strict";
import { statusCounts, waitedMs, type BoardAgent } from "../console/src/board/board.ts";

const agent = (status: BoardAgent["status"]): BoardAgent => ({ id: status, name: status, headshotUrl: null, status, statusSince: null, activeChats: [] });

test("the board counts agents per status in the usual order, zero included", () => {
  assert.deepEqual(statusCounts([agent("Away"), agent("Available"), agent("Away"), agent("Offline")]), [
    { status: "Available", count: 1 },
    { status: "Away", count: 2 },
    { status: "DoNotDisturb", count: 0 },
    { status: "Offline", count: 1 },
  ]);
});

test("waits count from the server's clock, moved on by the time passed here, never below zero", () => {
  const at = "2026-11-27T10:00:30Z";
  const readAt = 1_000_000;
  assert.equal(waitedMs("2026-11-27T10:00:00Z", at, readAt, readAt), 30_000);
  assert.equal(waitedMs("2026-11-27T10:00:00Z", at, readAt, readAt + 5_000), 35_000);
  assert.equal(waitedMs("2026-11-27T10:01:00Z", at, readAt, readAt), 0);
});
