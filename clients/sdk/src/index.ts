export { apiFetch, onUnauthorized, resetAntiforgeryToken, type ApiInit } from "./api.ts";
export { uploadFile, type UploadOptions } from "./upload.ts";
export { ApiError, fieldErrors, problemToError } from "./problem.ts";
export { agentHubPath, connectAgentHub, isUnauthorized, type AgentHub, type AgentHubHandlers, type AgentHubOptions, type HubState } from "./agentHub.ts";
export { reconnectDelay } from "./reconnect.ts";
export {
  locales, type AgentRole, type DealerRef, type Headshot, type Locale, type Me, type Profile, type ProfileErrorCode,
  type ProfileField, type ProfileUpdate, type SignInRequest,
} from "./types.ts";
export {
  agentStatuses, getAgentStatus, getTeam, putAgentStatus, type AgentStatus, type AgentStatusDto, type ShownStatus,
  type StatusCause, type Teammate,
} from "./status.ts";
export { connectShopperHub, hubErrorMessage, shopperHubPath, type ShopperHub, type ShopperHubHandlers, type ShopperHubOptions } from "./shopperHub.ts";
export { MessageLog, type PendingMessage } from "./messageLog.ts";
export {
  departmentKinds, sendLead, startWidgetSession, WidgetSessionError, type ConversationDto, type ConversationStatus, type DepartmentKind,
  type LeadRequest, type LeadResult, type MessageDto, type ReadDto, type SenderKind, type StartConversationRequest, type TypingDto,
  type VehicleOfInterest, type WidgetDepartment, type WidgetSession,
} from "./conversations.ts";
export {
  getMyConversations, getMyOffers, getTransferTargets, maxMessageLength, type AcceptResultDto, type AgentConversationDto, type OfferClosedDto,
  type InternalMessageDto, type InternalReadDto, type InternalThreadDto, type NoteDto, type OfferDto, type PageVisit, type OfferKind, type SentTransferDto, type TransferRequest, type TransferTargetDto, type TransferUpdateDto,
} from "./agentConversations.ts";
export {
  defaultNotificationSettings, deletePushSubscription, getDevices, getExtensionInfo, getNotificationSettings, getPushPublicKey,
  getPushSubscriptions, pairDevice, putNotificationSettings, revokeDevice, savePushSubscription, type ExtensionDeviceDto,
  type ExtensionInfoDto, type HubMeDto, type NotificationSettingsDto, type PairedDeviceDto, type PushSubscriptionBody,
  type PushSubscriptionDto,
} from "./notifications.ts";
export * from "./management.ts";
export { getWidgetSettings, putWidgetSettings } from "./widgetSettings.ts";
export {
  contrast, defaultWidgetSettings, readWidgetSettings, textOn, validColor, widgetColors,
  type FieldRule, type LauncherPosition, type WidgetColors, type WidgetSettings,
} from "./widgetLook.ts";
