/** The shoppers' side of a conversation: the server's JSON shapes (camelCase, enums as strings). */

export type DepartmentKind = "Sales" | "Service" | "Parts" | "Finance";
/** Waiting: in line or being offered to agents. Missed: nobody answered in time (the lead form is offered). Ended and Missed are final. */
export type ConversationStatus = "Waiting" | "Active" | "Ended" | "Missed";
export type SenderKind = "Shopper" | "Agent" | "System";

export const departmentKinds: readonly DepartmentKind[] = ["Sales", "Service", "Parts", "Finance"];

/** What the shopper is looking at, read from the dealer's page. */
export interface VehicleOfInterest {
  year?: number;
  make?: string;
  model?: string;
  trim?: string;
  vin?: string;
  stockNumber?: string;
  /** "New" or "Used" usually; any string the page gives. */
  condition?: string;
  price?: number;
}

export interface ConversationDto {
  id: string;
  status: ConversationStatus;
  department: DepartmentKind;
  lastSeq: number;
  createdAt: string;
  /** The agent's first name once one has joined. */
  agentName?: string | null;
  /** A path on the Showroom server (prefix it with the server's origin), or null when the agent has no headshot. */
  agentHeadshotUrl?: string | null;
  /** While Waiting: 1 for the next chat to be answered in the department. Null otherwise. */
  queuePosition: number | null;
  /** The address the shopper gave, if any: where the transcript can be e-mailed. */
  shopperEmail: string | null;
  /** The transcript was e-mailed already (once per chat). */
  transcriptSent: boolean;
  /** The agent has read up to this seq (read receipts). */
  agentReadSeq: number;
  /** The shopper has read up to this seq (from any of their tabs). */
  shopperReadSeq: number;
}

/** Someone started or stopped typing; live only. An indicator with no refresh for 6 s should be hidden. */
export interface TypingDto {
  conversationId: string;
  sender: "Shopper" | "Agent";
  /** The agent's first name; null for the shopper. */
  name: string | null;
  typing: boolean;
}

/** A read receipt: `reader` has read every message up to `seq`. */
export interface ReadDto {
  conversationId: string;
  reader: "Shopper" | "Agent";
  seq: number;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  seq: number;
  clientMessageId: string;
  sender: SenderKind;
  senderName: string | null;
  text: string;
  sentAt: string;
}

export interface StartConversationRequest {
  name?: string;
  email?: string;
  phone?: string;
  department?: DepartmentKind;
  pageUrl?: string;
  pageTitle?: string;
  vehicle?: VehicleOfInterest;
}

export interface WidgetSession {
  visitorToken: string;
  dealerName: string;
  /** A chat is offered only where canChat (open now and someone signed in); elsewhere the lead form. */
  departments: WidgetDepartment[];
  /** The visitor's open conversation, to resume. */
  conversation: ConversationDto | null;
  /** The dealer's widget settings (read them with readWidgetSettings: a stale server may not send them). */
  settings?: unknown;
}

export interface WidgetDepartment {
  kind: DepartmentKind;
  name: string;
  /** Inside its business hours now. */
  open: boolean;
  /** Someone of the department is signed in. */
  agentsOnline: boolean;
  canChat: boolean;
}

/** Thrown by startWidgetSession: 403 (not the dealer's site), 404 (unknown key), 0 (network). */
export class WidgetSessionError extends Error {
  constructor(readonly status: number) {
    super(`Widget session failed (${status})`);
  }
}

/**
 * POST {server}/api/widget/{key}/session, cross-origin from the dealer's page (no cookie):
 * a visitor token (the same visitor when the stored one is sent back) and the conversation to resume.
 */
export async function startWidgetSession(serverUrl: string, widgetKey: string, visitorToken: string | null): Promise<WidgetSession> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/widget/${encodeURIComponent(widgetKey)}/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ visitorToken }),
      credentials: "omit",
    });
  } catch {
    throw new WidgetSessionError(0);
  }
  if (!response.ok) throw new WidgetSessionError(response.status);
  return (await response.json()) as WidgetSession;
}

/** The "nobody there" form: becomes a lead for the dealer. Name and message are required, and an e-mail or a phone. */
export interface LeadRequest {
  visitorToken?: string | null;
  name: string;
  email?: string;
  phone?: string;
  message: string;
  department?: DepartmentKind;
  pageUrl?: string;
  vehicle?: VehicleOfInterest;
  /** The chat nobody answered, when the form follows a missed chat. */
  conversationId?: string;
}

/** Field error codes of the lead form: required, invalid, too_long, contact_required (on email: give an e-mail or a phone). */
export type LeadResult = { ok: true } | { ok: false; status: number; errors: Record<string, string[]> };

/** POST {server}/api/widget/{key}/leads, cross-origin from the dealer's page (no cookie). */
export async function sendLead(serverUrl: string, widgetKey: string, request: LeadRequest): Promise<LeadResult> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/widget/${encodeURIComponent(widgetKey)}/leads`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      credentials: "omit",
    });
  } catch {
    return { ok: false, status: 0, errors: {} };
  }
  if (response.ok) return { ok: true };
  let errors: Record<string, string[]> = {};
  try {
    const problem = (await response.json()) as { errors?: Record<string, string[]> };
    errors = problem.errors ?? {};
  } catch {
    // Not a problem document: no field errors.
  }
  return { ok: false, status: response.status, errors };
}
