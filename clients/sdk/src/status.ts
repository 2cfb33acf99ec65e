import { apiFetch } from "./api.ts";

/** What an agent can choose. */
export type AgentStatus = "Available" | "Away" | "DoNotDisturb";

/** What others see: the chosen status while online, else Offline (never chosen, only shown). */
export type ShownStatus = AgentStatus | "Offline";

/** Why the shown status last changed. */
export type StatusCause = "Agent" | "Manager" | "Idle" | "MissedOffers" | "Disconnect" | "Return";

export const agentStatuses: readonly AgentStatus[] = ["Available", "Away", "DoNotDisturb"];

/** GET/PUT /api/agents/{id}/status, the hub's SetStatus answer and its StatusChanged message. */
export interface AgentStatusDto {
  agentId: string;
  status: ShownStatus;
  cause: StatusCause;
  changedAt: string;
}

/** One agent of GET /api/dealers/{id}/team (the signed-in agent included; Offline agents too). */
export interface Teammate {
  id: string;
  displayName: string;
  headshotUrl: string | null;
  status: ShownStatus;
  /** Null when the agent has never been online. */
  changedAt: string | null;
}

export function getAgentStatus(agentId: string): Promise<AgentStatusDto> {
  return apiFetch<AgentStatusDto>(`/api/agents/${encodeURIComponent(agentId)}/status`);
}

/** The HTTP way to set a status: for when the hub is not connected. */
export function putAgentStatus(agentId: string, status: AgentStatus): Promise<AgentStatusDto> {
  return apiFetch<AgentStatusDto>(`/api/agents/${encodeURIComponent(agentId)}/status`, { method: "PUT", body: { status } });
}

export function getTeam(dealerId: string): Promise<Teammate[]> {
  return apiFetch<Teammate[]>(`/api/dealers/${encodeURIComponent(dealerId)}/team`);
}
