import { apiFetch } from "./api.ts";
import type { ConversationStatus, DepartmentKind, VehicleOfInterest } from "./conversations.ts";

/** A chat as its agent sees it: GET /api/conversations/mine, ConversationAssigned and ConversationUpdated. */
export interface AgentConversationDto {
  id: string;
  dealerId: string;
  department: DepartmentKind;
  status: ConversationStatus;
  shopperName: string | null;
  shopperEmail: string | null;
  shopperPhone: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  /** Members the page did not give are null. */
  vehicle: VehicleOfInterest | null;
  createdAt: string;
  /** The sequence number of the newest message when this was read. */
  lastSeq: number;
  /** The agent has read up to this seq (from any of their clients): unread = lastSeq - agentReadSeq, counting only shopper lines. */
  agentReadSeq: number;
  /** The shopper has read up to this seq: the agent's messages up to it show "Read". */
  shopperReadSeq: number;
  /** When the agent accepted it (null while waiting). */
  acceptedAt: string | null;
  /** The dealer's name, for agents of several dealers. */
  dealerName: string;
  /** The visitor chatted with this dealer before. */
  returningShopper: boolean;
  /** Whose chat it is now (null while waiting): after a transfer, the sender sees it is no longer theirs. */
  assignedAgentId: string | null;
  /** The pages the shopper opened during the chat, oldest first (the start page first; the last 30). */
  pagesVisited: PageVisit[];
}

export interface PageVisit {
  url: string;
  title: string | null;
  at: string;
}

/** To a named colleague (toAgentId) or to a department of the chat's dealer (toDepartment); the note is for agents only. */
export interface TransferRequest {
  toAgentId?: string;
  toDepartment?: DepartmentKind;
  /** With toDepartment: a department of another dealer of the group (only where the group allows cross-dealer work). */
  toDealerId?: string;
  note?: string;
}

/** A colleague in the transfer list: whether they can take the chat now, and why not. */
export interface TransferTargetDto {
  agentId: string;
  name: string;
  status: "Available" | "Away" | "DoNotDisturb" | "Offline";
  /** Null when they can take it; else "do-not-disturb", "offline", "chat-limit". */
  unavailableReason: "do-not-disturb" | "offline" | "chat-limit" | null;
  departments: DepartmentKind[];
  /** The colleague's dealer: the chat's own, or (where the group allows cross-dealer work) another of the group. */
  dealerId: string;
  dealerName: string;
}

/** A transfer the agent sent that still waits for an answer (read again after a reload or reconnect). */
export interface SentTransferDto {
  conversationId: string;
  offerId: string;
  /** The colleague's first name, or the department. */
  targetName: string;
  toDepartment: DepartmentKind | null;
  deadline: string;
}

/** What became of a transfer the agent sent: "accepted" (the chat is the target's now), "declined", "timed-out", "cancelled", "ended". */
export interface TransferUpdateDto {
  conversationId: string;
  offerId: string;
  outcome: "accepted" | "declined" | "timed-out" | "cancelled" | "ended";
  /** The colleague (or the department's agent who accepted). */
  targetName: string | null;
}

export type OfferKind = "Chat" | "Transfer";

/** A chat offered to this agent: Accept or Decline before the deadline (Broadcast: the first accept wins). */
export interface OfferDto {
  id: string;
  conversationId: string;
  kind: OfferKind;
  dealerId: string;
  dealerName: string;
  department: DepartmentKind;
  /** Null when the shopper gave no name: show "Shopper". */
  shopperName: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  vehicle: VehicleOfInterest | null;
  returningShopper: boolean;
  /** When the shopper started waiting (the card's timer counts up from here). */
  waitingSince: string;
  /** When this offer times out and moves on. */
  deadline: string;
  /** Transfers: who sends it and their note (agents only). */
  fromAgentName: string | null;
  note: string | null;
}

/**
 * Why an offer left this agent's screen: "taken" (someone else accepted: takenBy names them, show
 * "Already taken by <name>"), "accepted" (this agent accepted it on another client), "declined"
 * (declined on another client), "timed-out", "ended" (the shopper left), "missed", "cancelled".
 */
export interface OfferClosedDto {
  offerId: string;
  conversationId: string;
  reason: "taken" | "accepted" | "declined" | "timed-out" | "ended" | "missed" | "cancelled";
  takenBy: string | null;
}

/** The answer to AcceptOffer: the chat (now this agent's), or who took it first. */
export interface AcceptResultDto {
  accepted: boolean;
  conversation: AgentConversationDto | null;
  /** When not accepted: the first name of the agent who took it, or null if the chat ended or the offer expired. */
  takenBy: string | null;
}

/** The most characters a message may have (the server's MessageStore.MaxLength). */
export const maxMessageLength = 4000;

/** The signed-in agent's open chats, oldest first. */
export const getMyConversations = () => apiFetch<AgentConversationDto[]>("/api/conversations/mine");

/** The offers waiting for the signed-in agent now (after a reload or reconnect). */
export const getMyOffers = () => apiFetch<OfferDto[]>("/api/offers/mine");

/** The colleagues a chat may be transferred to, with their status and whether they can take it now. */
export const getTransferTargets = (conversationId: string) =>
  apiFetch<TransferTargetDto[]>(`/api/conversations/${encodeURIComponent(conversationId)}/transfer-targets`);

/** A private note in a customer chat: agents only, never sent to the shopper. */
export interface NoteDto {
  id: string;
  conversationId: string;
  clientNoteId: string;
  agentId: string;
  agentName: string;
  text: string;
  at: string;
}

/** An agents-only thread: a direct chat with a colleague (withAgentId) or a dealer's team room. */
export interface InternalThreadDto {
  id: string;
  dealerId: string;
  dealerName: string;
  kind: "Direct" | "TeamRoom";
  withAgentId: string | null;
  /** The colleague's name, or the dealer's for its team room. */
  title: string;
  lastSeq: number;
  readSeq: number;
  /** Colleagues' messages after the agent's read mark. */
  unread: number;
}

/** The agent read an internal thread up to seq (on one of their clients). */
export interface InternalReadDto {
  threadId: string;
  seq: number;
}

export interface InternalMessageDto {
  id: string;
  threadId: string;
  seq: number;
  clientMessageId: string;
  agentId: string;
  agentName: string;
  text: string;
  sentAt: string;
}
