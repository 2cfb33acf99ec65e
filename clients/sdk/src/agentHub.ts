import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { reconnectDelay } from "./reconnect.ts";
import { startLoop, type HubState } from "./startLoop.ts";
import type { AgentStatus, AgentStatusDto } from "./status.ts";
import type {
  AcceptResultDto, AgentConversationDto, InternalMessageDto, InternalReadDto, InternalThreadDto, NoteDto, OfferClosedDto, OfferDto, SentTransferDto, TransferRequest,
  TransferUpdateDto,
} from "./agentConversations.ts";
import type { MessageDto, ReadDto, TypingDto } from "./conversations.ts";
import type { HubMeDto, NotificationSettingsDto } from "./notifications.ts";

/** What the server calls on an agent's client (IAgentClient on the server). */
export interface AgentHubHandlers {
  /** The sign-in session ended (signed out, password changed, deactivated); the server closes the connection next. */
  sessionEnded(reason: string): void;
  /** A status changed: the agent's own (from any of their clients, a manager, idle or missed offers) or a teammate's. */
  statusChanged(status: AgentStatusDto): void;
  /** A chat became this agent's (accepted on any of their clients). */
  conversationAssigned?(conversation: AgentConversationDto): void;
  /** One of the agent's chats changed, e.g. it ended. */
  conversationUpdated?(conversation: AgentConversationDto): void;
  /** A stored message in one of the agent's chats: the shopper's, the agent's own (from any client) or a system line. */
  messageReceived?(message: MessageDto): void;
  /** The shopper of one of the agent's chats started or stopped typing. */
  typing?(typing: TypingDto): void;
  /** A read receipt in one of the agent's chats: the shopper's, or the agent's own from another client. */
  readUpTo?(read: ReadDto): void;
  /** A new offer for this agent: ring. */
  offerReceived?(offer: OfferDto): void;
  /** An offer left this agent (taken, timed out, ended…): remove its card and say why. */
  offerClosed?(closed: OfferClosedDto): void;
  /** A transfer this agent sent was accepted, declined, timed out, cancelled, or the chat ended. */
  transferUpdated?(update: TransferUpdateDto): void;
  /** A private note was added to one of the agent's chats (from any of their clients). */
  noteAdded?(note: NoteDto): void;
  /**
   * A message in one of the agent's internal threads. Whether it rings is the client's call by the status rules:
   * Available and Away are notified, Do Not Disturb only counts it.
   */
  internalMessageReceived?(message: InternalMessageDto): void;
  /** The agent read an internal thread up to seq on one of their clients: clear its unread count here too. */
  internalReadUpTo?(read: InternalReadDto): void;
  /** The agent changed their notification settings (on any client): every client follows at once. */
  notificationSettingsChanged?(settings: NotificationSettingsDto): void;
}

export type { HubState };

export interface AgentHubOptions {
  handlers: AgentHubHandlers;
  /** Defaults to the same origin's /hubs/agent. */
  url?: string;
  /**
   * Signs in with a bearer token (the extension's paired token) instead of the console's cookie:
   * no cookie is sent then, so the token alone says who this is.
   */
  accessTokenFactory?: () => string | Promise<string>;
  /**
   * The server refused the credentials (401 on negotiate, on a first start or a reconnect): the hub stops
   * trying, as retrying cannot help. Without it a refused start is retried like any other failure.
   */
  onUnauthorized?: () => void;
  onStateChange?: (state: HubState) => void;
  logLevel?: LogLevel;
}

export interface AgentHub {
  readonly connection: HubConnection;
  /** Connects, retrying with the reconnect delays until connected or stopped. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The agent picks a status; the answer is the shown status (StatusChanged follows on every client). */
  setStatus(status: AgentStatus): Promise<AgentStatusDto>;
  /** The agent used the client: idle auto-away counts from here. Callers throttle it (at most once a minute). */
  activity(): Promise<void>;
  /** A reply; the answer is the stored message (the acknowledgement). The same clientMessageId again is a safe retry. */
  sendMessage(conversationId: string, clientMessageId: string, text: string): Promise<MessageDto>;
  /** The messages of one of the agent's chats after `afterSeq`, in order. */
  sync(conversationId: string, afterSeq: number): Promise<MessageDto[]>;
  /** Ends the chat; both sides get the closing line and ConversationUpdated follows. */
  endConversation(conversationId: string): Promise<void>;
  /** The agent is typing a reply (true at most every 3 s while typing; false when they stop or send). */
  typing(conversationId: string, typing: boolean): Promise<void>;
  /** The agent has seen every message up to seq in the chat. */
  markRead(conversationId: string, seq: number): Promise<void>;
  /** The offers waiting for this agent now. */
  offers(): Promise<OfferDto[]>;
  /** One conditional update decides: exactly one agent wins a chat, everyone else gets takenBy. */
  acceptOffer(offerId: string): Promise<AcceptResultDto>;
  declineOffer(offerId: string): Promise<void>;
  /** Offers the agent's chat to a colleague or a department; it stays theirs until accepted (30 s). Refusals say why. Returns the offer id. */
  transfer(conversationId: string, request: TransferRequest): Promise<string>;
  /** The transfers this agent sent that still wait for an answer. */
  sentTransfers(): Promise<SentTransferDto[]>;
  /** Withdraws the pending transfer of one of the agent's chats. */
  cancelTransfer(conversationId: string): Promise<void>;
  /** A private note (agents only); the same clientNoteId again is a safe retry. */
  addNote(conversationId: string, clientNoteId: string, text: string): Promise<NoteDto>;
  /** The chat's private notes in order (a transferred chat brings its notes). */
  notes(conversationId: string): Promise<NoteDto[]>;
  /** The agent's direct threads and their dealers' team rooms, with unread counts. */
  internalThreads(): Promise<InternalThreadDto[]>;
  /** The direct thread with a colleague of one of the agent's dealers (made on first use). */
  openDirect(colleagueId: string): Promise<InternalThreadDto>;
  sendInternal(threadId: string, clientMessageId: string, text: string): Promise<InternalMessageDto>;
  syncInternal(threadId: string, afterSeq: number): Promise<InternalMessageDto[]>;
  markInternalRead(threadId: string, seq: number): Promise<void>;
  /** Who this connection belongs to, with their status and notification settings. */
  me(): Promise<HubMeDto>;
}

export const agentHubPath = "/hubs/agent";

/** SignalR's negotiate failure carries the HTTP status only in its message ("… Status code '401'"). */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof Error && error.message.includes("Status code '401'");
}

export function connectAgentHub(options: AgentHubOptions): AgentHub {
  const { accessTokenFactory, onUnauthorized } = options;
  let stopped = false;
  const refused = (error: unknown) => {
    if (!onUnauthorized || !isUnauthorized(error)) return false;
    stopped = true;
    onUnauthorized();
    return true;
  };
  const connection = new HubConnectionBuilder()
    .withUrl(options.url ?? agentHubPath, accessTokenFactory ? { accessTokenFactory, withCredentials: false } : {})
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => (refused(context.retryReason) ? null : reconnectDelay(context.previousRetryCount)),
    })
    .configureLogging(options.logLevel ?? LogLevel.Warning)
    .build();

  const report = (state: HubState) => options.onStateChange?.(state);

  connection.on("sessionEnded", (reason: string) => {
    // The session is over: reconnecting would only be refused, so stop before the server closes us.
    stopped = true;
    void connection.stop();
    options.handlers.sessionEnded(reason);
  });
  connection.on("statusChanged", (status: AgentStatusDto) => options.handlers.statusChanged(status));
  connection.on("conversationAssigned", (c: AgentConversationDto) => options.handlers.conversationAssigned?.(c));
  connection.on("conversationUpdated", (c: AgentConversationDto) => options.handlers.conversationUpdated?.(c));
  connection.on("messageReceived", (m: MessageDto) => options.handlers.messageReceived?.(m));
  connection.on("typing", (t: TypingDto) => options.handlers.typing?.(t));
  connection.on("readUpTo", (r: ReadDto) => options.handlers.readUpTo?.(r));
  connection.on("offerReceived", (o: OfferDto) => options.handlers.offerReceived?.(o));
  connection.on("offerClosed", (c: OfferClosedDto) => options.handlers.offerClosed?.(c));
  connection.on("transferUpdated", (u: TransferUpdateDto) => options.handlers.transferUpdated?.(u));
  connection.on("noteAdded", (n: NoteDto) => options.handlers.noteAdded?.(n));
  connection.on("internalMessageReceived", (m: InternalMessageDto) => options.handlers.internalMessageReceived?.(m));
  connection.on("internalReadUpTo", (r: InternalReadDto) => options.handlers.internalReadUpTo?.(r));
  connection.on("notificationSettingsChanged", (s: NotificationSettingsDto) => options.handlers.notificationSettingsChanged?.(s));
  connection.onreconnecting(() => report("reconnecting"));
  connection.onreconnected(() => report("connected"));
  connection.onclose(() => report("disconnected"));
  const start = startLoop(connection, () => stopped, report, () => report("connected"), refused);

  return {
    connection,
    async start() {
      stopped = false;
      await start();
    },
    async stop() {
      stopped = true;
      await connection.stop();
    },
    setStatus: (status) => connection.invoke<AgentStatusDto>("SetStatus", status),
    activity: () => connection.invoke<void>("Activity"),
    sendMessage: (conversationId, clientMessageId, text) => connection.invoke<MessageDto>("SendMessage", conversationId, clientMessageId, text),
    sync: (conversationId, afterSeq) => connection.invoke<MessageDto[]>("Sync", conversationId, afterSeq),
    endConversation: (conversationId) => connection.invoke<void>("EndConversation", conversationId),
    typing: (conversationId, typing) => connection.invoke<void>("Typing", conversationId, typing),
    markRead: (conversationId, seq) => connection.invoke<void>("MarkRead", conversationId, seq),
    offers: () => connection.invoke<OfferDto[]>("Offers"),
    acceptOffer: (offerId) => connection.invoke<AcceptResultDto>("AcceptOffer", offerId),
    declineOffer: (offerId) => connection.invoke<void>("DeclineOffer", offerId),
    transfer: (conversationId, request) => connection.invoke<string>("Transfer", conversationId, request),
    sentTransfers: () => connection.invoke<SentTransferDto[]>("SentTransfers"),
    cancelTransfer: (conversationId) => connection.invoke<void>("CancelTransfer", conversationId),
    addNote: (conversationId, clientNoteId, text) => connection.invoke<NoteDto>("AddNote", conversationId, clientNoteId, text),
    notes: (conversationId) => connection.invoke<NoteDto[]>("Notes", conversationId),
    internalThreads: () => connection.invoke<InternalThreadDto[]>("InternalThreads"),
    openDirect: (colleagueId) => connection.invoke<InternalThreadDto>("OpenDirect", colleagueId),
    sendInternal: (threadId, clientMessageId, text) => connection.invoke<InternalMessageDto>("SendInternal", threadId, clientMessageId, text),
    syncInternal: (threadId, afterSeq) => connection.invoke<InternalMessageDto[]>("SyncInternal", threadId, afterSeq),
    markInternalRead: (threadId, seq) => connection.invoke<void>("MarkInternalRead", threadId, seq),
    me: () => connection.invoke<HubMeDto>("Me"),
  };
}
