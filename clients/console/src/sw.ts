/**
 * The console's service worker (/app/console/sw.js, scope /app/console/): it only shows Web Push notifications of
 * offers and closes them when the offer goes. It controls no page and caches nothing. Typed with the few worker
 * interfaces it uses (the console is type-checked against the DOM library, not WebWorker's).
 */
import { pushAction, safePath } from "./notifications/pushPayload.ts";

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly location: Location;
  readonly clients: {
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "push", listener: (event: PushEvent) => void): void;
  addEventListener(type: "notificationclick", listener: (event: NotificationEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

// A new version takes over at once: it holds no state that an old one could need.
worker.addEventListener("install", (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener("activate", (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener("push", (event) => {
  let data: unknown;
  try {
    data = event.data?.json();
  } catch {
    return;
  }
  const action = pushAction(data);
  if (!action) return;
  event.waitUntil(action.kind === "show"
    ? worker.registration.showNotification(action.title, action.options)
    : closeTagged(action.tag));
});

async function closeTagged(tag: string): Promise<void> {
  for (const notification of await worker.registration.getNotifications({ tag })) notification.close();
}

/** Focuses an open console tab (any page of this origin outside /app/, /api/ and /hubs/), or opens the Chat Screen. */
worker.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path = safePath(data?.url);
  event.waitUntil((async () => {
    const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find((client) => {
      const url = new URL(client.url);
      return url.origin === worker.location.origin && !/^\/(app|api|hubs|media)\//.test(url.pathname);
    });
    if (open) await open.focus();
    else await worker.clients.openWindow(path);
  })());
});
