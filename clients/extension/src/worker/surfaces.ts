// An offer's pop-up window and system notification, and the badge. Which offers have a pop-up lives in
// chrome.storage.session, so a restarted worker closes the pop-ups of offers that went and opens none twice.
import type { OfferDto } from "@showroom/sdk";
import { badgeText, offerBody, offerTitle, reconcile, transferLine } from "../offers.ts";

/** Offer id -> its pop-up window (null once the agent closed it: it is not popped up again). */
type Shown = Record<string, { windowId: number | null }>;

const shownKey = "shown";
export const notificationId = (offerId: string) => `offer-${offerId}`;
export const offerIdOfNotification = (id: string) => (id.startsWith("offer-") ? id.slice("offer-".length) : undefined);

async function readShown(): Promise<Shown> {
  return ((await chrome.storage.session.get(shownKey))[shownKey] as Shown | undefined) ?? {};
}

const writeShown = (shown: Shown) => chrome.storage.session.set({ [shownKey]: shown });

// Every change of the pop-ups runs in turn: an offer arriving during a re-sync must not get two windows.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

async function show(offer: OfferDto): Promise<number | null> {
  try {
    await chrome.notifications.create(notificationId(offer.id), {
      type: "basic",
      iconUrl: chrome.runtime.getURL("icons/128.png"),
      title: offerTitle(offer),
      message: offerBody(offer),
      contextMessage: transferLine(offer) ?? "",
      buttons: [{ title: "Accept" }, { title: "Open" }],
      requireInteraction: true,
      priority: 2,
    });
  } catch (error) {
    console.warn("Showroom: no system notification", error);
  }
  const window = await chrome.windows.create({
    url: chrome.runtime.getURL(`offer.html?id=${encodeURIComponent(offer.id)}`),
    type: "popup",
    width: 380,
    height: 320,
    focused: true,
  });
  return window?.id ?? null;
}

async function hide(offerId: string, windowId: number | null): Promise<void> {
  await chrome.notifications.clear(notificationId(offerId)).catch(() => false);
  if (windowId !== null) await chrome.windows.remove(windowId).catch(() => undefined); // the agent closed it meanwhile
}

/**
 * Brings the pop-ups and notifications in line with the waiting offers: opens them for new offers (when the agent
 * wants the extension's pop-ups), closes those of offers that left. Offers in `keep` hold their pop-up a moment
 * longer (it says why the offer left).
 */
export function syncSurfaces(waiting: readonly OfferDto[], enabled: boolean, keep: readonly string[] = []): Promise<void> {
  return serial(async () => {
    const shown = await readShown();
    const plan = reconcile(waiting.map((o) => o.id), Object.keys(shown), enabled);
    for (const id of plan.hide) {
      if (enabled && keep.includes(id)) continue;
      await hide(id, shown[id]?.windowId ?? null);
      delete shown[id];
    }
    for (const offer of waiting.filter((o) => plan.show.includes(o.id))) {
      shown[offer.id] = { windowId: await show(offer) };
    }
    await writeShown(shown);
    await setBadge(waiting.length);
  });
}

/** The notification goes at once; the pop-up stays to say why, until the next syncSurfaces. */
export const clearNotification = (offerId: string) => chrome.notifications.clear(notificationId(offerId)).catch(() => false);

/** The agent closed a pop-up: its offer keeps waiting (badge, action popup) but does not pop up again. */
export function windowClosed(windowId: number): Promise<void> {
  return serial(async () => {
    const shown = await readShown();
    const entry = Object.values(shown).find((s) => s.windowId === windowId);
    if (!entry) return;
    entry.windowId = null;
    await writeShown(shown);
  });
}

export async function windowOf(offerId: string): Promise<number | null> {
  return (await readShown())[offerId]?.windowId ?? null;
}

export async function setBadge(count: number): Promise<void> {
  await chrome.action.setBadgeBackgroundColor({ color: "#b42318" });
  await chrome.action.setBadgeText({ text: badgeText(count) });
}
