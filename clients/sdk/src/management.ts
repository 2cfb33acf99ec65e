/** Shapes and calls of the Managers' and Admins' API (issue #10): first run, people, dealers, audit, mail. */
import { apiFetch, resetAntiforgeryToken } from "./api.ts";
import type { AgentRole, DealerRef, Me } from "./types.ts";
import type { DepartmentKind } from "./conversations.ts";

const seg = encodeURIComponent;

// ---- First run, invitations, password reset (anonymous) ----

export interface SetupRequest {
  setupCode: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  timeZone: string;
}

export const getSetupStatus = () => apiFetch<{ needed: boolean }>("/api/setup", { allowUnauthorized: true });
/** Signs in as the first Admin: the antiforgery token is bound to the user, so a fresh one is fetched next. */
export const postSetup = (body: SetupRequest) =>
  signingIn(apiFetch<Me>("/api/setup", { method: "POST", body, allowUnauthorized: true }));

export interface InvitationPreview {
  email: string;
  firstName: string | null;
  lastName: string | null;
  dealerNames: string[];
}

export interface AcceptInvitationRequest {
  firstName: string;
  lastName: string;
  password: string;
  timeZone: string;
}

export const getInvitation = (token: string) =>
  apiFetch<InvitationPreview>(`/api/invitations/${seg(token)}`, { allowUnauthorized: true });
export const acceptInvitation = (token: string, body: AcceptInvitationRequest) =>
  signingIn(apiFetch<Me>(`/api/invitations/${seg(token)}/accept`, { method: "POST", body, allowUnauthorized: true }));

async function signingIn(call: Promise<Me>): Promise<Me> {
  try {
    return await call;
  } finally {
    resetAntiforgeryToken();
  }
}

export const resetPassword = (body: { email: string; token: string; newPassword: string }) =>
  apiFetch<void>("/api/password-reset", { method: "POST", body, allowUnauthorized: true });
export const requestPasswordReset = (email: string) =>
  apiFetch<void>("/api/password-reset/request", { method: "POST", body: { email }, allowUnauthorized: true });

// ---- People ----

export type PersonStatus = "Active" | "Deactivated" | "Invited";

export interface DepartmentRef {
  id: string;
  dealerId: string;
  kind: DepartmentKind;
  name: string;
}

export interface PersonDto {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  role: AgentRole;
  status: PersonStatus;
  dealers: DealerRef[];
  departments: DepartmentRef[];
  chatLimit: number | null;
  lastSignInAt: string | null;
  invitationExpiresAt: string | null;
  /** Not in every server version: the agent's own zone, for "last sign-in". */
  timeZone?: string;
}

export interface AccessRequest {
  role: AgentRole;
  dealerIds: string[];
  departmentIds: string[];
  chatLimit: number | null;
}

export interface InvitationRequest extends AccessRequest {
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface InvitationDto {
  id: string;
  email: string;
  role: AgentRole;
  dealerIds: string[];
  expiresAt: string;
  emailed: boolean;
  inviteUrl: string | null;
}

export const getPeople = (dealerId: string) => apiFetch<PersonDto[]>(`/api/dealers/${seg(dealerId)}/people`);
export const invite = (body: InvitationRequest) => apiFetch<InvitationDto>("/api/invitations", { method: "POST", body });
export const revokeInvitation = (id: string) => apiFetch<void>(`/api/invitations/${seg(id)}`, { method: "DELETE" });
export const putAccess = (agentId: string, body: AccessRequest) =>
  apiFetch<PersonDto>(`/api/agents/${seg(agentId)}/access`, { method: "PUT", body });
export const deactivate = (agentId: string) => apiFetch<PersonDto>(`/api/agents/${seg(agentId)}/deactivate`, { method: "POST" });
export const reactivate = (agentId: string) => apiFetch<PersonDto>(`/api/agents/${seg(agentId)}/reactivate`, { method: "POST" });
export const passwordResetLink = (agentId: string) =>
  apiFetch<{ emailed: boolean; resetUrl: string | null }>(`/api/agents/${seg(agentId)}/password-reset`, { method: "POST" });

// ---- Dealers ----

export type Weekday = "Sunday" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday";
export const weekdays: readonly Weekday[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export interface DealerGroupDto {
  id: string;
  name: string;
  allowCrossDealerWork: boolean;
  dealerCount: number;
}

export interface AddressDto {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface BusinessHoursDto {
  day: Weekday;
  opens: string;
  closes: string;
}

export interface DepartmentDto {
  id: string;
  kind: DepartmentKind;
  name: string;
  hours: BusinessHoursDto[];
}

export interface HolidayDto {
  id: string;
  date: string;
  name: string;
}

export interface DealerDto {
  id: string;
  groupId: string;
  name: string;
  timeZone: string;
  websiteOrigins: string[];
  widgetKey: string;
  departments: DepartmentDto[];
  address: AddressDto | null;
  leadEmail: string | null;
  holidays: HolidayDto[];
}

export interface DealerRequest {
  name: string;
  groupId: string;
  timeZone: string;
  address: AddressDto | null;
  websiteOrigins: string[];
  leadEmail: string | null;
}

export const getDealers = () => apiFetch<DealerDto[]>("/api/dealers");
export const getDealer = (id: string) => apiFetch<DealerDto>(`/api/dealers/${seg(id)}`);
export const createDealer = (body: DealerRequest) => apiFetch<DealerDto>("/api/dealers", { method: "POST", body });
export const updateDealer = (id: string, body: DealerRequest) => apiFetch<DealerDto>(`/api/dealers/${seg(id)}`, { method: "PUT", body });

export const getGroups = () => apiFetch<DealerGroupDto[]>("/api/dealer-groups");
export const createGroup = (body: { name: string; allowCrossDealerWork: boolean }) =>
  apiFetch<DealerGroupDto>("/api/dealer-groups", { method: "POST", body });
export const updateGroup = (id: string, body: { name: string; allowCrossDealerWork: boolean }) =>
  apiFetch<DealerGroupDto>(`/api/dealer-groups/${seg(id)}`, { method: "PUT", body });

export interface HoursRequest {
  day: Weekday;
  opens: string;
  closes: string;
}

export const createDepartment = (dealerId: string, body: { kind: DepartmentKind; name: string; hours: HoursRequest[] }) =>
  apiFetch<DepartmentDto>(`/api/dealers/${seg(dealerId)}/departments`, { method: "POST", body });
export const updateDepartment = (dealerId: string, departmentId: string, body: { name: string; hours: HoursRequest[] }) =>
  apiFetch<DepartmentDto>(`/api/dealers/${seg(dealerId)}/departments/${seg(departmentId)}`, { method: "PUT", body });
export const deleteDepartment = (dealerId: string, departmentId: string) =>
  apiFetch<void>(`/api/dealers/${seg(dealerId)}/departments/${seg(departmentId)}`, { method: "DELETE" });
export const createHoliday = (dealerId: string, body: { date: string; name: string }) =>
  apiFetch<HolidayDto>(`/api/dealers/${seg(dealerId)}/holidays`, { method: "POST", body });
export const deleteHoliday = (dealerId: string, holidayId: string) =>
  apiFetch<void>(`/api/dealers/${seg(dealerId)}/holidays/${seg(holidayId)}`, { method: "DELETE" });

// ---- Routing and presence settings ----

export type RoutingPolicy = "Broadcast" | "Sequential";

export interface DepartmentRoutingDto {
  department: DepartmentKind;
  policy: RoutingPolicy;
  offerTimeoutSeconds: number;
  escalateAfterSeconds: number;
  missedChatLimitSeconds: number;
  escalateToOtherDepartments: boolean;
  escalateToManagers: boolean;
  escalateToGroupDealers: boolean;
}

export interface RoutingSettingsDto {
  defaultChatLimit: number;
  stickyReturningShoppers: boolean;
  departments: DepartmentRoutingDto[];
  /** Offers timing out in a row on an agent before they are set Away (0: never; 0 to 20). */
  missedOffersBeforeAway: number;
}

export const getRouting = (dealerId: string) => apiFetch<RoutingSettingsDto>(`/api/dealers/${seg(dealerId)}/settings/routing`);
export const putRouting = (dealerId: string, body: RoutingSettingsDto) =>
  apiFetch<RoutingSettingsDto>(`/api/dealers/${seg(dealerId)}/settings/routing`, { method: "PUT", body });
export const getPresenceSettings = (dealerId: string) =>
  apiFetch<{ idleAwayMinutes: number | null }>(`/api/dealers/${seg(dealerId)}/settings/presence`);
export const putPresenceSettings = (dealerId: string, idleAwayMinutes: number | null) =>
  apiFetch<{ idleAwayMinutes: number | null }>(`/api/dealers/${seg(dealerId)}/settings/presence`, { method: "PUT", body: { idleAwayMinutes } });

// ---- Canned responses ----

export interface CannedResponseDto {
  id: string;
  dealerId: string | null;
  dealerName: string | null;
  shortcut: string;
  text: string;
  canEdit: boolean;
}

export const getCanned = () => apiFetch<CannedResponseDto[]>("/api/canned-responses");
export const createCanned = (body: { dealerId: string | null; shortcut: string; text: string }) =>
  apiFetch<CannedResponseDto>("/api/canned-responses", { method: "POST", body });
export const updateCanned = (id: string, body: { dealerId: string | null; shortcut: string; text: string }) =>
  apiFetch<CannedResponseDto>(`/api/canned-responses/${seg(id)}`, { method: "PUT", body });
export const deleteCanned = (id: string) => apiFetch<void>(`/api/canned-responses/${seg(id)}`, { method: "DELETE" });

// ---- Audit log and mail (Admins) ----

export interface AuditEntryDto {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  dealerId: string | null;
  dealerName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  dealerId?: string;
  action?: string;
  before?: number;
  limit?: number;
}

export function getAudit(query: AuditQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const qs = params.toString();
  return apiFetch<{ entries: AuditEntryDto[]; nextBefore: number | null }>(`/api/audit${qs ? `?${qs}` : ""}`);
}

export const getMailStatus = () => apiFetch<{ configured: boolean }>("/api/admin/mail");
export const sendTestMail = (to: string) => apiFetch<void>("/api/admin/mail/test", { method: "POST", body: { to } });
