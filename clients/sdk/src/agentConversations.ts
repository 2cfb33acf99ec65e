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
}

/** The most characters a message may have (the server's MessageStore.MaxLength). */
export const maxMessageLength = 4000;

/** The signed-in agent's open chats, oldest first. */
export const getMyConversations = () => apiFetch<AgentConversationDto[]>("/api/conversations/mine");
