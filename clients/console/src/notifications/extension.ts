import { useEffect, useState } from "preact/hooks";
import { ApiError, pairDevice, revokeDevice } from "@showroom/sdk";
import { datasetVersion, deviceName, pairMessage, pingMessage, readExtensionMessage, unpairMessage } from "./extensionProtocol.ts";

/** What the console knows of this browser's Showroom extension. paired is undefined until it has said. */
export interface ExtensionState {
  present: boolean;
  version: string | undefined;
  paired: boolean | undefined;
}

/** While no extension has answered, ask again this often: one installed meanwhile is noticed without a reload. */
export const pingEveryMs = 3_000;
/** The extension answers a pair request once it has stored the token. */
const pairTimeoutMs = 15_000;

let state: ExtensionState = { present: false, version: undefined, paired: undefined };
const listeners = new Set<(state: ExtensionState) => void>();
const pairedWaiters = new Set<(answer: { ok: boolean; error?: string }) => void>();
let started = false;
let pinger: ReturnType<typeof setInterval> | undefined;

function set(next: ExtensionState) {
  state = next;
  if (state.present && pinger !== undefined) {
    clearInterval(pinger);
    pinger = undefined;
  }
  for (const listener of listeners) listener(state);
}

const post = (message: object) => window.postMessage(message, location.origin);

/** Starts listening (once per page): the content script's hello, its answers, and pings while it is absent. */
function start() {
  if (started) return;
  started = true;
  const version = datasetVersion(document.documentElement.dataset.showroomExtension);
  if (version) state = { present: true, version, paired: undefined };
  window.addEventListener("message", (event) => {
    const message = readExtensionMessage(event, window, location.origin);
    if (message?.type === "hello") set({ present: true, version: message.version, paired: message.paired });
    else if (message?.type === "paired") for (const waiter of pairedWaiters) waiter(message);
  });
  post(pingMessage);
  if (!state.present) pinger = setInterval(() => post(pingMessage), pingEveryMs);
}

/** The extension's state; every screen showing it asks afresh (it may have been paired or unpaired meanwhile). */
export function useExtension(): ExtensionState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    if (started) post(pingMessage);
    start();
    setCurrent(state);
    listeners.add(setCurrent);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

/** Why pairing did not work: the server's refusal (too many devices, or unreachable), or the extension's answer. */
export type PairOutcome =
  | { ok: true }
  | { ok: false; reason: "tooMany" | "server" | "timeout" }
  | { ok: false; reason: "extension"; error: string | undefined };

const deviceKey = (agentId: string) => `showroom:extension-device:${agentId.toLowerCase()}`;

/** The device id this browser's extension was paired as (to unpair it when the agent revokes it here). */
export function pairedDeviceId(agentId: string): string | undefined {
  try {
    return localStorage.getItem(deviceKey(agentId)) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pairs this browser's extension with the agent: the server makes a device token (shown this once), the page hands
 * it to the extension, which answers once stored. Only ever from the agent's click. A device the extension did not
 * take is revoked again, so the agent's list holds only working ones.
 */
export async function pairExtension(agentId: string): Promise<PairOutcome> {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform;
  let device;
  try {
    device = await pairDevice(deviceName(platform));
  } catch (e) {
    return { ok: false, reason: e instanceof ApiError && e.code === "too_many_devices" ? "tooMany" : "server" };
  }
  const answer = await new Promise<{ ok: boolean; error?: string } | undefined>((resolve) => {
    const timer = setTimeout(() => done(undefined), pairTimeoutMs);
    const done = (value: { ok: boolean; error?: string } | undefined) => {
      clearTimeout(timer);
      pairedWaiters.delete(done);
      resolve(value);
    };
    pairedWaiters.add(done);
    post(pairMessage(device.token));
  });
  if (answer?.ok) {
    try {
      localStorage.setItem(deviceKey(agentId), device.id);
    } catch {
      // Private mode: Revoke here then cannot tell the extension; the server still refuses its token.
    }
    return { ok: true };
  }
  await revokeDevice(device.id).catch(() => undefined);
  return answer ? { ok: false, reason: "extension", error: answer.error } : { ok: false, reason: "timeout" };
}

/** After the agent revoked a device: when it is this browser's extension, it forgets its token too. */
export function forgetRevokedDevice(agentId: string, deviceId: string): void {
  if (pairedDeviceId(agentId)?.toLowerCase() !== deviceId.toLowerCase()) return;
  try {
    localStorage.removeItem(deviceKey(agentId));
  } catch {
    // Nothing remembered.
  }
  post(unpairMessage);
  post(pingMessage);
}
