import { useEffect, useRef, useState } from "preact/hooks";
import {
  connectAgentHub, type AcceptResultDto, type AgentConversationDto, type AgentHub, type AgentStatus, type AgentStatusDto, type HubState,
  type MessageDto, type OfferClosedDto, type OfferDto, type ReadDto, type TransferRequest, type TransferUpdateDto, type TypingDto,
  type InternalMessageDto, type InternalReadDto, type InternalThreadDto, type NoteDto, type NotificationSettingsDto, type SentTransferDto,
} from "@showroom/sdk";

export type StatusListener = (status: AgentStatusDto) => void;

/** What the server tells about the agent's chats. */
export interface ChatListener {
  conversationAssigned(conversation: AgentConversationDto): void;
  conversationUpdated(conversation: AgentConversationDto): void;
  messageReceived(message: MessageDto): void;
  typing(typing: TypingDto): void;
  readUpTo(read: ReadDto): void;
}

/** Offers coming and going. */
export interface OfferListener {
  offerReceived(offer: OfferDto): void;
  offerClosed(closed: OfferClosedDto): void;
}

/** What became of the transfers this agent sent. */
export type TransferListener = (update: TransferUpdateDto) => void;

/** Agents-only traffic: private notes in customer chats and internal messages. */
export interface InternalListener {
  noteAdded(note: NoteDto): void;
  internalMessageReceived(message: InternalMessageDto): void;
  /** The agent read a thread on another of their clients. */
  internalReadUpTo(read: InternalReadDto): void;
}

export type NotificationSettingsListener = (settings: NotificationSettingsDto) => void;

/** What the console's features use of the hub connection. */
export interface ConsoleHub {
  state: HubState;
  stop(): Promise<void>;
  /** Rejects when the hub is not connected (callers fall back to HTTP). */
  setStatus(status: AgentStatus): Promise<AgentStatusDto>;
  /** Sends Activity() when connected; otherwise does nothing. */
  activity(): void;
  /** Every StatusChanged message (the agent's own and teammates'); returns the unsubscribe function. */
  onStatusChanged(listener: StatusListener): () => void;
  /** ConversationAssigned, ConversationUpdated, MessageReceived, Typing and ReadUpTo; returns the unsubscribe function. */
  onChat(listener: Partial<ChatListener>): () => void;
  /** OfferReceived and OfferClosed; returns the unsubscribe function. */
  onOffers(listener: OfferListener): () => void;
  /** TransferUpdated; returns the unsubscribe function. */
  onTransferUpdated(listener: TransferListener): () => void;
  /** These reject when the hub is not connected. */
  sendMessage(conversationId: string, clientMessageId: string, text: string): Promise<MessageDto>;
  sync(conversationId: string, afterSeq: number): Promise<MessageDto[]>;
  endConversation(conversationId: string): Promise<void>;
  typing(conversationId: string, typing: boolean): Promise<void>;
  markRead(conversationId: string, seq: number): Promise<void>;
  offers(): Promise<OfferDto[]>;
  acceptOffer(offerId: string): Promise<AcceptResultDto>;
  declineOffer(offerId: string): Promise<void>;
  /** Resolves with the offer id; a refusal is a HubException whose message says why. */
  transfer(conversationId: string, request: TransferRequest): Promise<string>;
  cancelTransfer(conversationId: string): Promise<void>;
  /** The transfers this agent sent that still wait for an answer. */
  sentTransfers(): Promise<SentTransferDto[]>;
  /** NoteAdded, InternalMessageReceived and InternalReadUpTo; returns the unsubscribe function. */
  onInternal(listener: Partial<InternalListener>): () => void;
  addNote(conversationId: string, clientNoteId: string, text: string): Promise<NoteDto>;
  notes(conversationId: string): Promise<NoteDto[]>;
  internalThreads(): Promise<InternalThreadDto[]>;
  openDirect(colleagueId: string): Promise<InternalThreadDto>;
  sendInternal(threadId: string, clientMessageId: string, text: string): Promise<InternalMessageDto>;
  syncInternal(threadId: string, afterSeq: number): Promise<InternalMessageDto[]>;
  markInternalRead(threadId: string, seq: number): Promise<void>;
  /** NotificationSettingsChanged (a change on any of the agent's clients); returns the unsubscribe function. */
  onNotificationSettingsChanged(listener: NotificationSettingsListener): () => void;
}

/** Keeps the agent hub connected while signed in; `stop` lets sign-out close it before the server does. */
export function useAgentHub(signedIn: boolean, onSessionEnded: (reason: string) => void): ConsoleHub {
  const [state, setState] = useState<HubState>("disconnected");
  const hub = useRef<AgentHub | undefined>(undefined);
  const sessionEnded = useRef(onSessionEnded);
  sessionEnded.current = onSessionEnded;
  const statusListeners = useRef(new Set<StatusListener>());
  const chatListeners = useRef(new Set<Partial<ChatListener>>());
  const offerListeners = useRef(new Set<OfferListener>());
  const transferListeners = useRef(new Set<TransferListener>());
  const internalListeners = useRef(new Set<Partial<InternalListener>>());
  const settingsListeners = useRef(new Set<NotificationSettingsListener>());
  // Read by the callbacks below whenever they run, not as of the render that made them.
  const current = useRef<HubState>(state);

  useEffect(() => {
    if (!signedIn) return;
    const connection = connectAgentHub({
      handlers: {
        sessionEnded: (reason) => sessionEnded.current(reason),
        statusChanged: (status) => {
          for (const listener of statusListeners.current) listener(status);
        },
        conversationAssigned: (conversation) => {
          for (const listener of chatListeners.current) listener.conversationAssigned?.(conversation);
        },
        conversationUpdated: (conversation) => {
          for (const listener of chatListeners.current) listener.conversationUpdated?.(conversation);
        },
        messageReceived: (message) => {
          for (const listener of chatListeners.current) listener.messageReceived?.(message);
        },
        typing: (typing) => {
          for (const listener of chatListeners.current) listener.typing?.(typing);
        },
        readUpTo: (read) => {
          for (const listener of chatListeners.current) listener.readUpTo?.(read);
        },
        offerReceived: (offer) => {
          for (const listener of offerListeners.current) listener.offerReceived(offer);
        },
        offerClosed: (closed) => {
          for (const listener of offerListeners.current) listener.offerClosed(closed);
        },
        transferUpdated: (update) => {
          for (const listener of transferListeners.current) listener(update);
        },
        noteAdded: (note) => {
          for (const listener of internalListeners.current) listener.noteAdded?.(note);
        },
        internalMessageReceived: (message) => {
          for (const listener of internalListeners.current) listener.internalMessageReceived?.(message);
        },
        internalReadUpTo: (read) => {
          for (const listener of internalListeners.current) listener.internalReadUpTo?.(read);
        },
        notificationSettingsChanged: (settings) => {
          for (const listener of settingsListeners.current) listener(settings);
        },
      },
      onStateChange: (next) => {
        current.current = next;
        setState(next);
      },
    });
    hub.current = connection;
    void connection.start();
    return () => {
      hub.current = undefined;
      void connection.stop();
    };
  }, [signedIn]);

  const connected = () => (current.current === "connected" ? hub.current : undefined);
  const notConnected = () => Promise.reject(new Error("The hub is not connected."));
  return {
    state,
    stop: async () => {
      await hub.current?.stop();
    },
    setStatus: (status) => connected()?.setStatus(status) ?? Promise.reject(new Error("The hub is not connected.")),
    activity: () => {
      connected()?.activity().catch(() => undefined);
    },
    onStatusChanged: (listener) => {
      statusListeners.current.add(listener);
      return () => statusListeners.current.delete(listener);
    },
    onChat: (listener) => {
      chatListeners.current.add(listener);
      return () => chatListeners.current.delete(listener);
    },
    onOffers: (listener) => {
      offerListeners.current.add(listener);
      return () => offerListeners.current.delete(listener);
    },
    onTransferUpdated: (listener) => {
      transferListeners.current.add(listener);
      return () => transferListeners.current.delete(listener);
    },
    sendMessage: (conversationId, clientMessageId, text) =>
      connected()?.sendMessage(conversationId, clientMessageId, text) ?? notConnected(),
    sync: (conversationId, afterSeq) => connected()?.sync(conversationId, afterSeq) ?? notConnected(),
    endConversation: (conversationId) => connected()?.endConversation(conversationId) ?? notConnected(),
    typing: (conversationId, typing) => connected()?.typing(conversationId, typing) ?? notConnected(),
    markRead: (conversationId, seq) => connected()?.markRead(conversationId, seq) ?? notConnected(),
    offers: () => connected()?.offers() ?? notConnected(),
    acceptOffer: (offerId) => connected()?.acceptOffer(offerId) ?? notConnected(),
    declineOffer: (offerId) => connected()?.declineOffer(offerId) ?? notConnected(),
    transfer: (conversationId, request) => connected()?.transfer(conversationId, request) ?? notConnected(),
    cancelTransfer: (conversationId) => connected()?.cancelTransfer(conversationId) ?? notConnected(),
    sentTransfers: () => connected()?.sentTransfers() ?? notConnected(),
    onInternal: (listener) => {
      internalListeners.current.add(listener);
      return () => internalListeners.current.delete(listener);
    },
    addNote: (conversationId, clientNoteId, text) => connected()?.addNote(conversationId, clientNoteId, text) ?? notConnected(),
    notes: (conversationId) => connected()?.notes(conversationId) ?? notConnected(),
    internalThreads: () => connected()?.internalThreads() ?? notConnected(),
    openDirect: (colleagueId) => connected()?.openDirect(colleagueId) ?? notConnected(),
    sendInternal: (threadId, clientMessageId, text) => connected()?.sendInternal(threadId, clientMessageId, text) ?? notConnected(),
    syncInternal: (threadId, afterSeq) => connected()?.syncInternal(threadId, afterSeq) ?? notConnected(),
    markInternalRead: (threadId, seq) => connected()?.markInternalRead(threadId, seq) ?? notConnected(),
    onNotificationSettingsChanged: (listener) => {
      settingsListeners.current.add(listener);
      return () => settingsListeners.current.delete(listener);
    },
  };
}
