import type { OfferDto } from "@showroom/sdk";

/**
 * Where ringing, browser notifications and "Click to enable sound" plug in (a later issue): told of every
 * new offer and of how many wait. The console passes silentAlerts until then.
 */
export interface OfferAlerts {
  offerArrived(offer: OfferDto): void;
  waitingChanged(count: number): void;
}

export const silentAlerts: OfferAlerts = {
  offerArrived: () => undefined,
  waitingChanged: () => undefined,
};
