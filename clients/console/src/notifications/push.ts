import { ApiError, deletePushSubscription, getPushPublicKey, savePushSubscription, type PushSubscriptionBody } from "@showroom/sdk";
import { applicationServerKey, sameKey } from "./pushPayload.ts";

/** The console's service worker: a fixed URL (revalidated, never cached for a year), scope /app/console/. */
export const serviceWorkerUrl = "/app/console/sw.js";
const scope = "/app/console/";
/** A browser whose push service cannot be reached may never answer subscribe(): give up after this long. */
export const subscribeTimeoutMs = 10_000;

/**
 * Turning push on: "on", or why not. "unsupported": this browser has no Web Push; "denied": notifications are
 * blocked; "unreachable": the browser's push service did not answer or failed; "refused": Showroom does not accept
 * this browser's push service; "failed": Showroom could not be reached.
 */
export type PushOutcome = "on" | "unsupported" | "denied" | "unreachable" | "refused" | "failed";

export function pushSupported(): boolean {
  return "serviceWorker" in navigator && typeof PushManager === "function" && typeof Notification === "function";
}

/** This browser's push subscription for Showroom, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration(scope);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function turnOnPush(timeoutMs = subscribeTimeoutMs): Promise<PushOutcome> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  if (Notification.permission === "default" && (await Notification.requestPermission()) !== "granted") return "denied";

  let key: Uint8Array<ArrayBuffer>;
  let registration: ServiceWorkerRegistration;
  try {
    key = applicationServerKey((await getPushPublicKey()).publicKey);
    registration = await activeRegistration();
  } catch (e) {
    return e instanceof ApiError ? "failed" : "unreachable";
  }

  let subscription: PushSubscription;
  try {
    const existing = await registration.pushManager.getSubscription();
    // A subscription made with another key cannot be reused: subscribe() would refuse it.
    if (existing && !sameKey(existing.options.applicationServerKey, key)) await existing.unsubscribe();
    subscription = existing && sameKey(existing.options.applicationServerKey, key)
      ? existing
      : await withTimeout(registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }), timeoutMs);
  } catch (e) {
    return e instanceof DOMException && e.name === "NotAllowedError" ? "denied" : "unreachable";
  }

  try {
    await savePushSubscription(subscription.toJSON() as PushSubscriptionBody);
    return "on";
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) {
      // Showroom will never send to it: do not keep a subscription that only looks on.
      await subscription.unsubscribe().catch(() => false);
      return "refused";
    }
    return "failed";
  }
}

/** Unsubscribes this browser and tells the server; false when the server could not be told. */
export async function turnOffPush(): Promise<boolean> {
  const subscription = await currentSubscription().catch(() => null);
  if (!subscription) return true;
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe().catch(() => false);
  try {
    await deletePushSubscription(endpoint);
    return true;
  } catch {
    return false;
  }
}

/** Registers the service worker and waits until it is active: subscribe() needs an active worker. */
async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(serviceWorkerUrl, { scope });
  if (registration.active) return registration;
  const worker = registration.installing ?? registration.waiting;
  if (!worker) throw new Error("The service worker did not install.");
  await withTimeout(new Promise<void>((resolve, reject) => {
    const changed = () => {
      if (worker.state === "activated") resolve();
      else if (worker.state === "redundant") reject(new Error("The service worker did not install."));
    };
    worker.addEventListener("statechange", changed);
    changed();
  }), subscribeTimeoutMs);
  return registration;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Timed out.")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
