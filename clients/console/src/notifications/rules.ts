import type { NotificationSettingsDto, ShownStatus } from "@showroom/sdk";
import { shouldNotify } from "../internal/internal.ts";

/** What the console does for an offer: ring (sound), and pop up a browser notification while the tab is hidden. */
export interface OfferAlertRules {
  ring: boolean;
  popups: boolean;
}

/**
 * The agent's channels, except that Do Not Disturb silences everything (the server sends no offers then, but one
 * still waiting when the agent switches must stop ringing). The tab title's count is not a channel: it always shows.
 */
export function offerAlertRules(settings: NotificationSettingsDto, status: ShownStatus | undefined): OfferAlertRules {
  const silenced = status === "DoNotDisturb";
  return { ring: settings.sound && !silenced, popups: settings.desktop && !silenced };
}

/** What a colleague's internal message does: a toast, a short sound, a browser notification. */
export interface InternalAlert {
  toast: boolean;
  sound: boolean;
  popup: boolean;
}

/**
 * Available and Away agents are told of a colleague's message they are not reading; Do Not Disturb (and Offline)
 * only count it. The sound follows the Sound channel; the browser notification, for a hidden tab, the desktop one.
 */
export function internalAlert(
  settings: NotificationSettingsDto,
  status: ShownStatus | undefined,
  message: { fromMe: boolean; reading: boolean; hidden: boolean },
): InternalAlert {
  const told = shouldNotify(status, message.fromMe, message.reading);
  return { toast: told, sound: told && settings.sound, popup: told && message.hidden && settings.desktop };
}

/** The tag of an offer's notification, the same for the console's pop-ups and Web Push, so they replace each other. */
export const offerTag = (offerId: string) => `offer-${offerId}`;

/** Settings as remembered by this browser (so a reload does not ring before the server answers), if well formed. */
export function parseSettings(value: unknown): NotificationSettingsDto | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const { sound, desktop, extension, push } = v;
  if (typeof sound !== "boolean" || typeof desktop !== "boolean" || typeof extension !== "boolean" || typeof push !== "boolean") return undefined;
  return { sound, desktop, extension, push };
}
