import { HubConnectionState, type HubConnection } from "@microsoft/signalr";
import { reconnectDelay } from "./reconnect.ts";

export type HubState = "connecting" | "connected" | "reconnecting" | "disconnected";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A `start()` for a hub connection: connects, retrying with the reconnect delays until connected or
 * stopped (SignalR's automatic reconnect covers a lost connection only, not a first start that fails),
 * or until `giveUp` says an error is final (say, the server refused the credentials).
 * Every caller waits for the connection to be up: a second call while a start is under way waits for
 * that start, rather than returning at once and letting its caller invoke on a connection still connecting.
 */
export function startLoop(
  connection: HubConnection,
  isStopped: () => boolean,
  report: (state: HubState) => void,
  onConnected: () => void,
  giveUp: (error: unknown) => boolean = () => false,
): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  const run = async () => {
    for (let attempt = 0; !isStopped(); ) {
      if (connection.state === HubConnectionState.Connected) return;
      if (connection.state !== HubConnectionState.Disconnected) {
        // Connecting or reconnecting by SignalR itself: wait for it to settle.
        await wait(100);
        continue;
      }
      report(attempt === 0 ? "connecting" : "reconnecting");
      try {
        await connection.start();
        onConnected();
        return;
      } catch (error) {
        if (giveUp(error)) {
          report("disconnected");
          return;
        }
        await wait(reconnectDelay(attempt) || 1_000);
        attempt++;
      }
    }
  };
  return () => (inFlight ??= run().finally(() => { inFlight = undefined; }));
}
