import { test } from "node:test";
import assert from "node:assert/strict";
import type { StatusCause, Teammate } from "../sdk/src/status.ts";
import { causeNoticeKey, isNewer, sortTeam, statusExplanationKey, statusNameKey, throttle } from "../console/src/presence/presence.ts";
import { translator } from "../console/src/i18n/index.ts";

const mate = (displayName: string, status: Teammate["status"]): Teammate =>
  ({ id: displayName, displayName, headshotUrl: null, status, changedAt: null });

test("the team is sorted Available, Away, Do Not Disturb, Offline, then by name", () => {
  const team = [mate("Zoe", "Available"), mate("ana", "Offline"), mate("Bob", "DoNotDisturb"), mate("Élodie", "Away"),
    mate("Carl", "Away"), mate("Abe", "Available")];
  assert.deepEqual(sortTeam(team, "en-US").map((m) => m.displayName), ["Abe", "Zoe", "Carl", "Élodie", "Bob", "ana"]);
  assert.equal(team[0]?.displayName, "Zoe", "the input is left as it was");
});

test("names sort in the agent's language, accents and case aside", () => {
  const team = [mate("Émile", "Away"), mate("eric", "Away"), mate("Edgar", "Away")];
  assert.deepEqual(sortTeam(team, "fr-CA").map((m) => m.displayName), ["Edgar", "Émile", "eric"]);
});

test("only changes the agent did not make get a notice", () => {
  const causes: StatusCause[] = ["Agent", "Manager", "Idle", "MissedOffers", "Disconnect", "Return"];
  assert.deepEqual(causes.map(causeNoticeKey),
    [undefined, "status.notice.manager", "status.notice.idle", "status.notice.missedOffers", undefined, undefined]);
});

test("the notices and status texts read as the agent guide says", () => {
  const t = translator("en-US");
  const away = t(statusNameKey.Away);
  assert.equal(t("status.notice.idle", { status: away }), "You were set to Away: no activity for a while.");
  assert.equal(t("status.notice.manager", { status: away }), "You were set to Away: changed by your manager.");
  assert.equal(t("status.label", { status: t(statusNameKey.DoNotDisturb) }), "Status: Do Not Disturb");
  assert.equal(t(statusExplanationKey.Available), "You are ready to receive all incoming chats and transfers!");
  assert.equal(t(statusExplanationKey.Away), "You will not receive incoming chats from customers, but may receive internal chats or transfers.");
  assert.equal(t(statusExplanationKey.DoNotDisturb), "You will not receive incoming chats or transfer offers.");
});

test("a status read earlier never replaces one read later", () => {
  assert.ok(isNewer("2025-01-01T10:00:01Z", "2025-01-01T10:00:00Z"));
  assert.ok(isNewer("2025-01-01T10:00:00Z", "2025-01-01T10:00:00Z"), "the same change read twice");
  assert.ok(!isNewer("2025-01-01T09:59:59Z", "2025-01-01T10:00:00+00:00"));
  assert.ok(isNewer("2025-01-01T10:00:00Z", null), "a teammate never online before");
  assert.ok(!isNewer(null, "2025-01-01T10:00:00Z"));
});

test("activity is sent at most once a minute", () => {
  let now = 1_000_000;
  const gate = throttle(60_000, () => now);
  assert.equal(gate(), true, "the first use");
  now += 59_999;
  assert.equal(gate(), false);
  now += 1;
  assert.equal(gate(), true);
  now += 30_000;
  assert.equal(gate(), false);
});
