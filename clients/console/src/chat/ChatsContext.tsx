import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { getMyConversations, hubErrorMessage, MessageLog, type AgentConversationDto, type MessageDto } from "@showroom/sdk";
import { usePresence } from "../presence/PresenceContext.tsx";
import type { ConsoleHub } from "../useAgentHub.ts";
import { newClientMessageId, seqToMarkRead, unreadCount } from "./chats.ts";
import { typingShownMs } from "./typing.ts";

/** One of the agent's chats as the console holds it. */
export interface Chat {
  conversation: AgentConversationDto;
  log: MessageLog;
  /** Shopper lines after agentReadSeq (the agent's read mark, shared by all their clients). */
  unread: number;
  /** The shopper is typing now. */
  shopperTyping: boolean;
}

export interface Chats {
  /** Oldest first, as the server lists them; undefined until first read. */
  list: Chat[] | undefined;
  loadFailed: boolean;
  selectedId: string | undefined;
  select(id: string): void;
  /** A chat the agent just accepted: listed and opened. */
  adopt(conversation: AgentConversationDto): void;
  /** The agent is (or stopped) typing in a chat; failures do not matter. */
  typing(id: string, typing: boolean): void;
  send(id: string, text: string): void;
  /** Drops a message the server refused from the pending ones. */
  discard(id: string, clientMessageId: string): void;
  /** Rejects when the chat could not be ended. */
  end(id: string): Promise<void>;
  /** Removes an ended chat from the list. */
  close(id: string): void;
}

const ChatsContext = createContext<Chats | undefined>(undefined);

export function useChats(): Chats {
  const chats = useContext(ChatsContext);
  if (!chats) throw new Error("useChats needs a ChatsProvider.");
  return chats;
}

interface Entry {
  conversation: AgentConversationDto;
  log: MessageLog;
}

/** markRead at most this often per chat while messages keep coming in. */
const markReadEveryMs = 1000;

/** Read receipts only move forward: a list read before a receipt must not undo it. */
const merged = (known: AgentConversationDto | undefined, incoming: AgentConversationDto): AgentConversationDto =>
  known
    ? {
        ...incoming,
        agentReadSeq: Math.max(known.agentReadSeq, incoming.agentReadSeq),
        shopperReadSeq: Math.max(known.shopperReadSeq, incoming.shopperReadSeq),
      }
    : incoming;

/**
 * The agent's chats, above the pages so nothing is missed on Edit Profile: read over HTTP and synced at
 * start and after every reconnection, then followed through ConversationAssigned, ConversationUpdated, MessageReceived,
 * Typing and ReadUpTo. Each chat's messages live in a MessageLog (each once, in seq order, sends pending until
 * acknowledged); unread counts and "Read" come from the read marks the server keeps, so every tab agrees.
 */
export function ChatsProvider({ hub, children }: { hub: ConsoleHub; children: ComponentChildren }) {
  const entries = useRef(new Map<string, Entry>());
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const markTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastMarkAt = useRef(0);
  const inFlight = useRef(new Set<string>());
  const [loaded, setLoaded] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const latestHub = useRef(hub);
  latestHub.current = hub;
  const selected = useRef<string | undefined>(undefined);
  selected.current = selectedId;

  const entryFor = (id: string): Entry | undefined => entries.current.get(id);
  const meId = useRef(usePresence().me.id.toLowerCase());

  const forget = (id: string) => {
    entries.current.delete(id);
    shopperTyping(id, false);
    if (selected.current === id) setSelectedId(undefined);
    changed();
  };

  const upsert = (conversation: AgentConversationDto) => {
    const entry = entries.current.get(conversation.id);
    if (entry) entry.conversation = merged(entry.conversation, conversation);
    else entries.current.set(conversation.id, { conversation, log: new MessageLog() });
  };

  /** The shopper's indicator: shown until typing:false, their next message, or 6 s without a refresh. */
  const shopperTyping = (id: string, typing: boolean) => {
    const timer = typingTimers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    typingTimers.current.delete(id);
    if (typing) typingTimers.current.set(id, setTimeout(() => shopperTyping(id, false), typingShownMs));
    if (typing || timer !== undefined) changed();
  };

  /**
   * The open chat, in a visible tab, with shopper lines past the agent's read mark: tell the server (which tells the
   * shopper and the agent's other clients). Throttled; the mark moves here at once so the badge clears.
   */
  const markRead = () => {
    if (markTimer.current !== undefined) return;
    const wait = Math.max(0, lastMarkAt.current + markReadEveryMs - Date.now());
    markTimer.current = setTimeout(() => {
      markTimer.current = undefined;
      const id = selected.current;
      const entry = id === undefined ? undefined : entryFor(id);
      if (!entry || document.visibilityState !== "visible" || latestHub.current.state !== "connected") return;
      const seq = seqToMarkRead(entry.log.messages, entry.conversation.agentReadSeq);
      if (seq === undefined) return;
      lastMarkAt.current = Date.now();
      const before = entry.conversation.agentReadSeq;
      entry.conversation = { ...entry.conversation, agentReadSeq: seq };
      changed();
      latestHub.current.markRead(entry.conversation.id, seq).catch(() => {
        // Not recorded: unread again, so the next look (or reconnection) tries once more.
        if (entry.conversation.agentReadSeq === seq) entry.conversation = { ...entry.conversation, agentReadSeq: before };
        changed();
      });
    }, wait);
  };

  /** Sends what is pending in one chat, oldest first; a send cut by a lost connection stays pending for the next reconnection. */
  const deliver = async (id: string) => {
    const entry = entryFor(id);
    if (!entry) return;
    for (const pending of entry.log.retryable) {
      if (inFlight.current.has(pending.clientMessageId)) continue;
      if (latestHub.current.state !== "connected") return;
      inFlight.current.add(pending.clientMessageId);
      try {
        const stored = await latestHub.current.sendMessage(id, pending.clientMessageId, pending.text);
        entry.log.add(stored);
      } catch (error) {
        const refused = hubErrorMessage(error);
        if (refused !== undefined) entry.log.fail(pending.clientMessageId, refused);
        else return;
      } finally {
        inFlight.current.delete(pending.clientMessageId);
        changed();
      }
    }
  };

  const sync = async (id: string) => {
    const entry = entryFor(id);
    if (!entry) return;
    try {
      const missed = await latestHub.current.sync(id, entry.log.lastSeq);
      if (entry.log.add(...missed)) changed();
    } catch {
      // Not connected, or the chat is no longer this agent's: the next reconnection syncs again.
    }
  };

  const refresh = async () => {
    let mine: AgentConversationDto[];
    try {
      mine = await getMyConversations();
    } catch {
      setLoadFailed(true);
      return;
    }
    setLoadFailed(false);
    const open = new Set(mine.map((c) => c.id));
    for (const conversation of mine) upsert(conversation);
    // A chat the server no longer lists ended while this client was away: kept, shown ended, until the agent closes it.
    for (const entry of entries.current.values()) {
      if (!open.has(entry.conversation.id) && entry.conversation.status !== "Ended") entry.conversation = { ...entry.conversation, status: "Ended" };
    }
    setLoaded(true);
    changed();
    await Promise.all([...entries.current.keys()].map(async (id) => {
      await sync(id);
      await deliver(id);
    }));
  };

  // At start and after every reconnection: what happened while disconnected was not pushed to this client.
  const connected = hub.state === "connected";
  useEffect(() => {
    if (connected) void refresh();
  }, [connected]);

  useEffect(
    () =>
      hub.onChat({
        conversationAssigned: (conversation) => {
          upsert(conversation);
          changed();
          void sync(conversation.id);
        },
        conversationUpdated: (conversation) => {
          // Transferred: a colleague accepted it, so it is no longer this agent's chat.
          if (conversation.assignedAgentId && conversation.assignedAgentId.toLowerCase() !== meId.current) {
            forget(conversation.id);
            return;
          }
          upsert(conversation);
          changed();
        },
        messageReceived: (message: MessageDto) => {
          const entry = entryFor(message.conversationId);
          if (!entry) {
            // A chat this client has not heard of yet (its assignment raced the message): read the list again.
            void refresh();
            return;
          }
          const gap = entry.log.isGap(message.seq);
          if (message.sender === "Shopper") shopperTyping(message.conversationId, false);
          if (entry.log.add(message)) changed();
          if (gap) void sync(message.conversationId);
        },
        typing: (typing) => {
          if (typing.sender === "Shopper" && entries.current.has(typing.conversationId)) shopperTyping(typing.conversationId, typing.typing);
        },
        readUpTo: (read) => {
          const entry = entryFor(read.conversationId);
          if (!entry) return;
          const field = read.reader === "Shopper" ? "shopperReadSeq" : "agentReadSeq";
          if (read.seq <= entry.conversation[field]) return;
          entry.conversation = { ...entry.conversation, [field]: read.seq };
          changed();
        },
      }),
    [],
  );

  useEffect(() => {
    const visibility = () => changed();
    document.addEventListener("visibilitychange", visibility);
    return () => {
      document.removeEventListener("visibilitychange", visibility);
      for (const timer of typingTimers.current.values()) clearTimeout(timer);
      if (markTimer.current !== undefined) clearTimeout(markTimer.current);
    };
  }, []);

  // After every change: the open chat may have shopper lines the agent has now seen.
  useEffect(() => {
    const entry = selectedId === undefined ? undefined : entryFor(selectedId);
    if (!entry || document.visibilityState !== "visible" || hub.state !== "connected") return;
    if (seqToMarkRead(entry.log.messages, entry.conversation.agentReadSeq) !== undefined) markRead();
  });

  const list: Chat[] | undefined = loaded
    ? [...entries.current.values()].map(({ conversation, log }) => ({
        conversation,
        log,
        unread: unreadCount(log.messages, conversation.agentReadSeq),
        shopperTyping: conversation.status !== "Ended" && typingTimers.current.has(conversation.id),
      }))
    : undefined;

  // With chats and none chosen, the first is opened; a chat arriving later never takes the agent away from another.
  const firstId = list?.[0]?.conversation.id;
  useEffect(() => {
    if (selectedId === undefined || !entries.current.has(selectedId)) setSelectedId(firstId);
  }, [firstId, selectedId]);

  const value: Chats = {
    list,
    loadFailed,
    selectedId: selectedId !== undefined && entries.current.has(selectedId) ? selectedId : undefined,
    select: (id) => {
      setSelectedId(id);
      void sync(id);
    },
    adopt: (conversation) => {
      upsert(conversation);
      setLoaded(true);
      setSelectedId(conversation.id);
      changed();
      void sync(conversation.id);
    },
    typing: (id, typing) => {
      latestHub.current.typing(id, typing).catch(() => undefined);
    },
    send: (id, text) => {
      const entry = entryFor(id);
      if (!entry) return;
      entry.log.addPending(newClientMessageId(), text);
      changed();
      void deliver(id);
    },
    discard: (id, clientMessageId) => {
      const entry = entryFor(id);
      if (!entry) return;
      // The log has no removal of a refused send: settle it with nothing, by rebuilding the log without it.
      const log = new MessageLog();
      log.add(...entry.log.messages);
      for (const pending of entry.log.pending) {
        if (pending.clientMessageId === clientMessageId) continue;
        log.addPending(pending.clientMessageId, pending.text);
        if (pending.error !== undefined) log.fail(pending.clientMessageId, pending.error);
      }
      entry.log = log;
      changed();
    },
    end: async (id) => {
      await latestHub.current.endConversation(id);
    },
    close: forget,
  };
  return <ChatsContext.Provider value={value}>{children}</ChatsContext.Provider>;
}
