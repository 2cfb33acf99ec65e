import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useReducer, useRef, useState } from "preact/hooks";
import { hubErrorMessage, type TransferRequest } from "@showroom/sdk";
import type { ConsoleHub } from "../useAgentHub.ts";
import { useChats } from "./ChatsContext.tsx";
import { transfersReducer, type ChatTransfer, type TransferTarget } from "./transfer.ts";

/** A chat a colleague accepted: it left My chats, and a polite line says where it went. */
export interface TransferNotice {
  /** Changes with every notice, so the same words twice are announced twice. */
  key: number;
  shopperName: string | null;
  targetName: string;
}

export interface Transfers {
  of(conversationId: string): ChatTransfer | undefined;
  notice: TransferNotice | undefined;
  /** Resolves once the offer is made; rejects with the server's refusal (a HubException) or a lost connection. */
  request(conversationId: string, request: TransferRequest, target: TransferTarget): Promise<void>;
  /** Rejects when the transfer could not be withdrawn. */
  cancel(conversationId: string): Promise<void>;
  dismiss(conversationId: string): void;
}

const TransfersContext = createContext<Transfers | undefined>(undefined);

export function useTransfers(): Transfers {
  const transfers = useContext(TransfersContext);
  if (!transfers) throw new Error("useTransfers needs a TransfersProvider.");
  return transfers;
}

/**
 * The transfers this agent sent: pending until TransferUpdated says how they ended. The chat stays the agent's
 * until a colleague accepts; then ConversationUpdated (with the colleague as assignee) takes it out of My chats.
 */
export function TransfersProvider({ hub, children }: { hub: ConsoleHub; children: ComponentChildren }) {
  const [state, dispatch] = useReducer(transfersReducer, {});
  const [notice, setNotice] = useState<TransferNotice | undefined>(undefined);
  const { list } = useChats();
  // Each chat's shopper, remembered past the chat's leaving the list (ConversationUpdated may come before TransferUpdated).
  const shoppers = useRef(new Map<string, string | null>());
  for (const chat of list ?? []) shoppers.current.set(chat.conversation.id, chat.conversation.shopperName);
  const latestHub = useRef(hub);
  latestHub.current = hub;
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () =>
      hub.onTransferUpdated((update) => {
        dispatch({ type: "updated", update });
        if (update.outcome !== "accepted") return;
        const shopperName = shoppers.current.get(update.conversationId) ?? null;
        if (noticeTimer.current !== undefined) clearTimeout(noticeTimer.current);
        setNotice((n) => ({ key: (n?.key ?? 0) + 1, shopperName, targetName: update.targetName ?? "" }));
        noticeTimer.current = setTimeout(() => setNotice(undefined), 15_000);
        // The pane (and whatever had focus in it) is gone: focus goes to the next chat, or to the page heading.
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active && active !== document.body && document.contains(active)) return;
          (document.querySelector<HTMLElement>(".chat-item") ?? document.getElementById("page-heading"))?.focus();
        });
      }),
    [],
  );

  // After a reload or a reconnection, transfers sent earlier (by this tab or another) are shown again.
  useEffect(() => {
    if (hub.state !== "connected") return;
    hub.sentTransfers().then((sent) => dispatch({ type: "restored", sent }), () => undefined);
  }, [hub.state]);

  // A chat that ended or left the list takes its transfer state with it.
  useEffect(() => {
    if (!list) return;
    for (const id of Object.keys(state)) {
      const chat = list.find((c) => c.conversation.id === id);
      if (!chat || (chat.conversation.status === "Ended" && state[id]?.pending)) dispatch({ type: "forgotten", conversationId: id });
    }
  }, [list, state]);

  useEffect(() => () => {
    if (noticeTimer.current !== undefined) clearTimeout(noticeTimer.current);
  }, []);

  const value: Transfers = {
    of: (id) => state[id],
    notice,
    request: async (conversationId, request, target) => {
      try {
        const offerId = await latestHub.current.transfer(conversationId, request);
        dispatch({ type: "requested", conversationId, offerId, target });
      } catch (error) {
        // Refused, perhaps because another tab sent one meanwhile: show what is waiting now.
        if (hubErrorMessage(error) !== undefined) {
          latestHub.current.sentTransfers().then((sent) => dispatch({ type: "restored", sent }), () => undefined);
        }
        throw error;
      }
    },
    cancel: async (conversationId) => {
      try {
        await latestHub.current.cancelTransfer(conversationId);
      } catch (error) {
        // Refused: no transfer of this chat waits any more (answered while this client was away), so none is shown.
        if (hubErrorMessage(error) === undefined) throw error;
        dispatch({ type: "dismissed", conversationId });
      }
    },
    dismiss: (conversationId) => dispatch({ type: "dismissed", conversationId }),
  };
  return <TransfersContext.Provider value={value}>{children}</TransfersContext.Provider>;
}
