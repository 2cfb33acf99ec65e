import { test } from "node:test";
import assert from "node:assert/strict";
import { HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { startLoop } from "../sdk/src/startLoop.ts";

/** A connection whose start takes as long as the test wants; the first `failures` starts fail. */
function fakeConnection(failures = 0) {
  let finish!: () => void;
  const fake = {
    state: HubConnectionState.Disconnected as HubConnectionState,
    starts: 0,
    start() {
      fake.starts++;
      fake.state = HubConnectionState.Connecting;
      if (fake.starts <= failures) {
        fake.state = HubConnectionState.Disconnected;
        return Promise.reject(new Error("refused"));
      }
      return new Promise<void>((resolve) => {
        finish = () => {
          fake.state = HubConnectionState.Connected;
          resolve();
        };
      });
    },
    finish: () => finish(),
  };
  return fake;
}

test("a second start while the first is connecting waits for the connection, never returns early", async () => {
  const fake = fakeConnection();
  const start = startLoop(fake as unknown as HubConnection, () => false, () => {}, () => {});
  const order: string[] = [];

  const first = start().then(() => order.push(`first:${fake.state}`));
  const second = start().then(() => order.push(`second:${fake.state}`));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(order, [], "nobody returned while connecting");
  fake.finish();
  await Promise.all([first, second]);

  assert.equal(fake.starts, 1);
  assert.deepEqual(order.sort(), ["first:Connected", "second:Connected"]);
});

test("a failed first start is retried until it connects, reporting connected once", async () => {
  const fake = fakeConnection(1);
  const states: string[] = [];
  let connected = 0;
  const start = startLoop(fake as unknown as HubConnection, () => false, (s) => states.push(s), () => connected++);

  const done = start();
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  fake.finish();
  await done;

  assert.equal(fake.starts, 2);
  assert.deepEqual(states, ["connecting", "reconnecting"]);
  assert.equal(connected, 1);
});

test("an error giveUp calls final stops the loop and reports disconnected", async () => {
  const fake = fakeConnection(5);
  const states: string[] = [];
  let connected = 0;
  const start = startLoop(fake as unknown as HubConnection, () => false, (s) => states.push(s), () => connected++, () => true);

  await start();

  assert.equal(fake.starts, 1);
  assert.deepEqual(states, ["connecting", "disconnected"]);
  assert.equal(connected, 0);
});
