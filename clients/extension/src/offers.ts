// What the extension says about an offer, and which pop-ups to open or close: pure, tested in node.
import type { OfferClosedDto, OfferDto, ShownStatus, VehicleOfInterest } from "@showroom/sdk";

/** An offer waiting for the agent, with when this extension heard of it (wall clock, ms). */
export interface WaitingOffer {
  offer: OfferDto;
  receivedAt: number;
}

export const statusLabels: Readonly<Record<ShownStatus, string>> = {
  Available: "Available",
  Away: "Away",
  DoNotDisturb: "Do Not Disturb",
  Offline: "Offline",
};

/** The badge: the number of waiting offers, nothing when none. */
export function badgeText(count: number): string {
  return count > 0 ? (count > 99 ? "99+" : String(count)) : "";
}

export function shopperName(offer: OfferDto): string {
  return offer.shopperName?.trim() || "Shopper";
}

/** "2022 Toyota RAV4 XLE", or undefined when the page named no vehicle. */
export function vehicleLine(vehicle: VehicleOfInterest | null): string | undefined {
  if (!vehicle) return undefined;
  const line = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter((part) => part !== undefined && part !== null && part !== "").join(" ");
  return line || undefined;
}

/** The vehicle, else the page's title, else its address. */
export function offerSubject(offer: OfferDto): string | undefined {
  return vehicleLine(offer.vehicle) ?? (offer.pageTitle?.trim() || offer.pageUrl || undefined);
}

export function offerTitle(offer: OfferDto): string {
  return `${offer.kind === "Transfer" ? "Transfer offer" : "Chat offer"}: ${shopperName(offer)}`;
}

/** "<dealer> · <department> · <vehicle or page>", as the Web Push body says it too. */
export function offerBody(offer: OfferDto): string {
  return [offer.dealerName, offer.department, offerSubject(offer)].filter(Boolean).join(" · ");
}

/** A transfer's sender and note: "From Jordan: Wants a trade-in quote". */
export function transferLine(offer: OfferDto): string | undefined {
  if (offer.kind !== "Transfer") return undefined;
  const from = `From ${offer.fromAgentName ?? "a colleague"}`;
  return offer.note?.trim() ? `${from}: ${offer.note.trim()}` : from;
}

/**
 * What a closing pop-up says before it goes, or undefined to close it at once (the agent acted on it
 * here or on another of their clients).
 */
export function closedNotice(closed: OfferClosedDto): string | undefined {
  switch (closed.reason) {
    case "taken":
      return closed.takenBy ? `Already taken by ${closed.takenBy}` : "Already taken";
    case "ended":
      return "The shopper left";
    case "timed-out":
    case "missed":
      return "The offer timed out";
    case "cancelled":
      return "The transfer was withdrawn";
    default:
      return undefined;
  }
}

/** Why Accept did not take the chat. */
export function acceptRefusal(takenBy: string | null): string {
  return takenBy ? `Already taken by ${takenBy}` : "This chat is no longer waiting";
}

/**
 * Which offers get a pop-up now and which lose theirs: every waiting offer not shown yet gets one (when
 * the agent wants the extension's pop-ups), every shown offer that stopped waiting loses it. An offer whose
 * pop-up the agent closed stays "shown", so a re-sync does not pop it up again.
 */
export function reconcile(waiting: readonly string[], shown: readonly string[], enabled: boolean): { show: string[]; hide: string[] } {
  const waitingSet = new Set(waiting);
  const shownSet = new Set(shown);
  return {
    show: enabled ? waiting.filter((id) => !shownSet.has(id)) : [],
    hide: shown.filter((id) => !enabled || !waitingSet.has(id)),
  };
}
