export { apiFetch, onUnauthorized, resetAntiforgeryToken, type ApiInit } from "./api.ts";
export { ApiError, fieldErrors, problemToError } from "./problem.ts";
export { agentHubPath, connectAgentHub, type AgentHub, type AgentHubHandlers, type AgentHubOptions, type HubState } from "./agentHub.ts";
export { reconnectDelay } from "./reconnect.ts";
export { locales, type AgentRole, type DealerRef, type Locale, type Me, type SignInRequest } from "./types.ts";
