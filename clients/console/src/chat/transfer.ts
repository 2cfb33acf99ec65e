import type { DepartmentKind, SentTransferDto, TransferTargetDto, TransferUpdateDto } from "@showroom/sdk";
import type { MessageKey } from "../i18n/index.ts";
import { statusNameKey as statusKey } from "../presence/presence.ts";

/** The server's longest note (Transfers.RequestAsync). */
export const maxNoteLength = 1000;

/** The departments in the order the console lists them everywhere. */
const departmentOrder: readonly DepartmentKind[] = ["Sales", "Service", "Parts", "Finance"];

const statusRank: Readonly<Record<TransferTargetDto["status"], number>> = { Available: 0, Away: 1, DoNotDisturb: 2, Offline: 3 };

/** Who can take the chat first (then by status), then by name in the agent's language. */
export function sortTargets(targets: readonly TransferTargetDto[], locale: string): TransferTargetDto[] {
  const names = new Intl.Collator(locale, { sensitivity: "base" });
  const free = (t: TransferTargetDto) => (t.unavailableReason === null ? 0 : 1);
  return [...targets].sort((a, b) => free(a) - free(b) || statusRank[a.status] - statusRank[b.status] || names.compare(a.name, b.name));
}

/**
 * A department and how many colleagues in it can take a transfer now (0: it cannot be chosen). `dealer` is set for a
 * department of another dealer of the group (listed only where the group allows cross-dealer work).
 */
export interface DepartmentOption {
  department: DepartmentKind;
  ready: number;
  dealer?: { id: string; name: string };
}

/** The departments colleagues work in, each with how many of them can take the chat now: the chat's dealer first, then the group's others. */
export function departmentOptions(targets: readonly TransferTargetDto[], chatDealerId: string): DepartmentOption[] {
  const dealers = new Map<string, string>();
  for (const t of targets) if (t.dealerId !== chatDealerId) dealers.set(t.dealerId, t.dealerName);
  const of = (dealerId: string, dealer?: { id: string; name: string }) => {
    const here = targets.filter((t) => t.dealerId === dealerId);
    return departmentOrder
      .filter((department) => here.some((t) => t.departments.includes(department)))
      .map((department): DepartmentOption => ({
        department,
        ready: here.filter((t) => t.departments.includes(department) && t.unavailableReason === null).length,
        ...(dealer ? { dealer } : {}),
      }));
  };
  return [
    ...of(chatDealerId),
    ...[...dealers].sort(([, a], [, b]) => a.localeCompare(b)).flatMap(([id, name]) => of(id, { id, name })),
  ];
}

/**
 * The line under a colleague's name: their status, or why they cannot take the chat. "In Do Not Disturb" and
 * "Offline" say both at once; a colleague at their chat limit keeps their status and the reason follows it.
 */
export function targetStatusLine(target: TransferTargetDto): { status?: MessageKey; reason?: MessageKey } {
  switch (target.unavailableReason) {
    case "do-not-disturb": return { reason: "transfer.reason.doNotDisturb" };
    case "offline": return { reason: "transfer.reason.offline" };
    case "chat-limit": return { status: statusKey[target.status], reason: "transfer.reason.chatLimit" };
    default: return { status: statusKey[target.status] };
  }
}


/** Whom a pending transfer waits for: a named colleague, or anyone in a department. */
export type TransferTarget = { agentName: string } | { department: DepartmentKind };

/** What the sender's console knows of one chat's transfer: waiting for an answer, or how the last one ended. */
export interface ChatTransfer {
  pending?: { offerId: string; target: TransferTarget };
  /** The last answer (not "accepted": the chat has left this agent then). */
  outcome?: { outcome: TransferUpdateDto["outcome"]; targetName: string | null; target?: TransferTarget };
}

export type TransferState = Readonly<Record<string, ChatTransfer>>;

export type TransferAction =
  | { type: "requested"; conversationId: string; offerId: string; target: TransferTarget }
  | { type: "updated"; update: TransferUpdateDto }
  | { type: "dismissed"; conversationId: string }
  /** What the server says is still waiting (after a reload or reconnect); what this client knows already is kept. */
  | { type: "restored"; sent: readonly SentTransferDto[] }
  /** The chat ended or left this agent: nothing about it is shown any more. */
  | { type: "forgotten"; conversationId: string };

/**
 * The transfers the agent sent, per chat. An update is matched by chat, not by offer id: a transfer to a department
 * makes one offer per colleague, and the update names the offer that settled it.
 */
export function transfersReducer(state: TransferState, action: TransferAction): TransferState {
  switch (action.type) {
    case "requested":
      return { ...state, [action.conversationId]: { pending: { offerId: action.offerId, target: action.target } } };
    case "updated": {
      const { conversationId, outcome, targetName } = action.update;
      const { [conversationId]: known, ...others } = state;
      if (outcome === "accepted") return others;
      return { ...others, [conversationId]: { outcome: { outcome, targetName, target: known?.pending?.target } } };
    }
    case "restored": {
      const next = { ...state };
      for (const sent of action.sent) {
        if (next[sent.conversationId]?.pending) continue;
        const target: TransferTarget = sent.toDepartment ? { department: sent.toDepartment } : { agentName: sent.targetName };
        next[sent.conversationId] = { pending: { offerId: sent.offerId, target } };
      }
      return next;
    }
    case "dismissed":
    case "forgotten": {
      if (!(action.conversationId in state)) return state;
      const { [action.conversationId]: _, ...others } = state;
      return others;
    }
  }
}

/** The words for how a transfer ended (for "declined" to a department nobody took, the department's people are meant). */
export function outcomeKey(outcome: TransferUpdateDto["outcome"], targetName: string | null): MessageKey {
  switch (outcome) {
    case "accepted": return "transfer.outcome.accepted";
    case "declined": return targetName ? "transfer.outcome.declined" : "transfer.outcome.declinedNobody";
    case "timed-out": return "transfer.outcome.timedOut";
    case "cancelled": return "transfer.outcome.cancelled";
    case "ended": return "transfer.outcome.ended";
  }
}
