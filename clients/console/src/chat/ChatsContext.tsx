import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { getMyConversations, hubErrorMessage, MessageLog, type AgentConversationDto, type MessageDto } from "@showroom/sdk";
import type { ConsoleHub } from "../useAgentHub.ts";
import { newClientMessageId, unreadCount } from "./chats.ts";

/** One of the agent's chats as the console holds it. */
export interface Chat {
  conversation: AgentConversationDto;
  log: MessageLog;
  unread: number;
}

export interface Chats {
  /** Oldest first, as the server lists them; undefined until first read. */
  list: Chat[] | undefined;
  loadFailed: boolean;
  selectedId: string | undefined;
  select(id: string): void;
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

const readKey = (id: string) => `showroom.chat.read.${id}`;

function readSeqOf(id: string): number {
  try {
    return Number(localStorage.getItem(readKey(id))) || 0;
  } catch {
    return 0;
  }
}

function storeReadSeq(id: string, seq: number) {
  try {
    localStorage.setItem(readKey(id), String(seq));
  } catch {
    // Private mode or full storage: unread counts start over after a reload, nothing worse.
  }
}

/**
 * The agent's chats, above the pages so nothing is missed on Edit Profile: read over HTTP and synced at
 * start and after every reconnection, then followed through ConversationAssigned, ConversationUpdated and
 * MessageReceived. Each chat's messages live in a MessageLog (each once, in seq order, sends pending until acknowledged).
 */
export function ChatsProvider({ hub, children }: { hub: ConsoleHub; children: ComponentChildren }) {
  const entries = useRef(new Map<string, Entry>());
  const readSeqs = useRef(new Map<string, number>());
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

  const upsert = (conversation: AgentConversationDto) => {
    const entry = entries.current.get(conversation.id);
    if (entry) entry.conversation = conversation;
    else entries.current.set(conversation.id, { conversation, log: new MessageLog() });
    if (!readSeqs.current.has(conversation.id)) readSeqs.current.set(conversation.id, readSeqOf(conversation.id));
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
          if (entry.log.add(message)) changed();
          if (gap) void sync(message.conversationId);
        },
      }),
    [],
  );

  // The agent reads the chat that is open: its messages count as read.
  const list: Chat[] | undefined = loaded
    ? [...entries.current.values()].map(({ conversation, log }) => {
        let readSeq = readSeqs.current.get(conversation.id) ?? 0;
        const newest = log.messages.at(-1)?.seq ?? 0;
        if (conversation.id === selectedId && newest > readSeq) {
          readSeq = newest;
          readSeqs.current.set(conversation.id, newest);
          storeReadSeq(conversation.id, newest);
        }
        return { conversation, log, unread: unreadCount(log.messages, readSeq) };
      })
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
    close: (id) => {
      entries.current.delete(id);
      readSeqs.current.delete(id);
      try {
        localStorage.removeItem(readKey(id));
      } catch {
        // Nothing to clean up then.
      }
      if (selected.current === id) setSelectedId(undefined);
      changed();
    },
  };
  return <ChatsContext.Provider value={value}>{children}</ChatsContext.Provider>;
}
