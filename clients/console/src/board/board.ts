import { apiFetch, type DepartmentKind, type ShownStatus } from "@showroom/sdk";

export interface BoardChat {
  conversationId: string;
  shopperName: string | null;
  department: DepartmentKind;
  since: string | null;
}

export interface BoardAgent {
  id: string;
  name: string;
  headshotUrl: string | null;
  status: ShownStatus;
  statusSince: string | null;
  activeChats: BoardChat[];
}

export interface BoardWaiting {
  conversationId: string;
  shopperName: string | null;
  department: DepartmentKind;
  waitingSince: string;
  /** Offers of it ringing now (0: nobody can take it at the moment). */
  ringing: number;
}

export interface LiveBoard {
  dealerId: string;
  at: string;
  agents: BoardAgent[];
  waiting: BoardWaiting[];
}

export const getBoard = (dealerId: string) => apiFetch<LiveBoard>(`/api/dealers/${encodeURIComponent(dealerId)}/board`);

const order: readonly ShownStatus[] = ["Available", "Away", "DoNotDisturb", "Offline"];

/** How many agents are in each status, in the order the board shows them. */
export function statusCounts(agents: readonly BoardAgent[]): { status: ShownStatus; count: number }[] {
  return order.map((status) => ({ status, count: agents.filter((a) => a.status === status).length }));
}

/**
 * The server's clock may differ from this browser's: waits are counted from the board's own "at", moved on by the
 * time passed here since it was read.
 */
export function waitedMs(since: string, boardAt: string, readAt: number, now: number): number {
  return Math.max(0, Date.parse(boardAt) - Date.parse(since) + (now - readAt));
}
