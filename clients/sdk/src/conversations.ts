/** The shoppers' side of a conversation: the server's JSON shapes (camelCase, enums as strings). */

export type DepartmentKind = "Sales" | "Service" | "Parts" | "Finance";
export type ConversationStatus = "Waiting" | "Active" | "Ended";
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
  agentName?: string | null;
  agentHeadshotUrl?: string | null;
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
  departments: { kind: DepartmentKind; name: string }[];
  /** The visitor's open conversation, to resume. */
  conversation: ConversationDto | null;
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
