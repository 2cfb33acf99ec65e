import { apiFetch } from "./api.ts";
import type { AgentStatusDto } from "./status.ts";

/** Which channels reach the agent (all on by default). Do Not Disturb silences every one of them. */
export interface NotificationSettingsDto {
  /** The Chat Screen rings for chat and transfer offers. */
  sound: boolean;
  /** The console's Notification API pop-ups while its tab is hidden. */
  desktop: boolean;
  /** The extension's pop-up window and system notification. */
  extension: boolean;
  /** Web Push to this agent's subscribed browsers. */
  push: boolean;
}

/** A paired extension (GET /api/me/devices), newest first. */
export interface ExtensionDeviceDto {
  id: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
}

/** POST /api/me/devices: the token is shown this once (the server keeps only its hash). */
export interface PairedDeviceDto {
  id: string;
  name: string;
  createdAt: string;
  token: string;
}

/** GET /api/extension: the fixed Chrome extension id of this server and where to download it. */
export interface ExtensionInfoDto {
  id: string;
  version: string;
  downloadUrl: string;
}

/** GET /api/me/push-subscriptions. */
export interface PushSubscriptionDto {
  id: string;
  endpointOrigin: string;
  createdAt: string;
  lastSuccessAt: string | null;
}

/** PushSubscription.toJSON(), as POST /api/me/push-subscriptions takes it. */
export interface PushSubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The hub's Me(): who the connection belongs to, with their status and notification settings. */
export interface HubMeDto {
  id: string;
  displayName: string;
  email: string;
  headshotUrl: string | null;
  status: AgentStatusDto;
  notifications: NotificationSettingsDto;
}

export const defaultNotificationSettings: Readonly<NotificationSettingsDto> = { sound: true, desktop: true, extension: true, push: true };

export const getNotificationSettings = () => apiFetch<NotificationSettingsDto>("/api/me/notification-settings");

export const putNotificationSettings = (settings: NotificationSettingsDto) =>
  apiFetch<NotificationSettingsDto>("/api/me/notification-settings", { method: "PUT", body: settings });

export const getDevices = () => apiFetch<ExtensionDeviceDto[]>("/api/me/devices");

/** Rejects with ApiError code "too_many_devices" when the agent already has 10. */
export const pairDevice = (name: string) => apiFetch<PairedDeviceDto>("/api/me/devices", { method: "POST", body: { name } });

export const revokeDevice = (id: string) => apiFetch<void>(`/api/me/devices/${encodeURIComponent(id)}`, { method: "DELETE" });

export const getExtensionInfo = () => apiFetch<ExtensionInfoDto>("/api/extension");

export const getPushPublicKey = () => apiFetch<{ publicKey: string }>("/api/push/public-key");

/** Rejects with ApiError code "push_endpoint_not_allowed" when the server refuses the push service. */
export const savePushSubscription = (subscription: PushSubscriptionBody) =>
  apiFetch<{ id: string }>("/api/me/push-subscriptions", { method: "POST", body: subscription });

export const deletePushSubscription = (endpoint: string) =>
  apiFetch<void>(`/api/me/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`, { method: "DELETE" });

export const getPushSubscriptions = () => apiFetch<PushSubscriptionDto[]>("/api/me/push-subscriptions");
