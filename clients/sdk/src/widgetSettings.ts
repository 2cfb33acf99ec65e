import { apiFetch } from "./api.ts";
import type { WidgetSettings } from "./widgetLook.ts";

const url = (dealerId: string) => `/api/dealers/${encodeURIComponent(dealerId)}/settings/widget`;

/** A dealer's widget settings (Managers of the dealer, Admins). */
export const getWidgetSettings = (dealerId: string) => apiFetch<WidgetSettings>(url(dealerId));

/** Saves them all; a 400 names each wrong field (accentColor: invalid, greeting: too_long, launcherLabel: required…). */
export const putWidgetSettings = (dealerId: string, body: WidgetSettings) => apiFetch<WidgetSettings>(url(dealerId), { method: "PUT", body });
