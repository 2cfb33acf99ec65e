import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { startLoop, type HubState } from "./startLoop.ts";
import type { ConversationDto, MessageDto, ReadDto, StartConversationRequest, TypingDto } from "./conversations.ts";
import { reconnectDelay } from "./reconnect.ts";

/** What the server calls on a shopper's widget (IShopperClient on the server). */
export interface ShopperHubHandlers {
  /** Every message of the conversation, to every tab of the visitor: the sender's own ones too. */
  messageReceived(message: MessageDto): void;
  conversationChanged(conversation: ConversationDto): void;
  /** The agent started or stopped typing. */
  typing?(typing: TypingDto): void;
  /** A read receipt: the agent's (show "Read" on the shopper's messages) or the shopper's own from another tab. */
  readUpTo?(read: ReadDto): void;
}

export interface ShopperHubOptions {
  /** The Showroom server's origin, e.g. https://showroom.example.com (the widget runs on the dealer's origin). */
  serverUrl: string;
  /** The visitor token from the widget session; read on every (re)connect. */
  accessTokenFactory: () => string;
  handlers: ShopperHubHandlers;
  onStateChange?: (state: HubState) => void;
  /** After every successful start and reconnect: the moment to Sync and resend pending messages. */
  onConnected?: () => void;
  logLevel?: LogLevel;
}

export interface ShopperHub {
  readonly connection: HubConnection;
  readonly connected: boolean;
  /** Connects, retrying with the reconnect delays until connected or stopped. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Starts a chat, or returns the visitor's open one (never a second chat). */
  startConversation(request: StartConversationRequest): Promise<ConversationDto>;
  /** The stored message is the acknowledgement; a retry with the same clientMessageId returns it again. */
  sendMessage(conversationId: string, clientMessageId: string, text: string): Promise<MessageDto>;
  /** Messages after afterSeq, in seq order (at most 500 per call). */
  sync(conversationId: string, afterSeq: number): Promise<MessageDto[]>;
  endConversation(conversationId: string): Promise<void>;
  /** After a reconnect: the open conversation, else the latest one as it ended (Ended or Missed: check status), or null. */
  resume(): Promise<ConversationDto | null>;
  /** Tell the agent the shopper is typing (true at most every 3 s while typing; false when they stop or send). */
  typing(conversationId: string, typing: boolean): Promise<void>;
  /** The shopper has seen every message up to seq (call when the panel shows new agent messages). */
  markRead(conversationId: string, seq: number): Promise<void>;
  /** The shopper opened another page of the dealer's site mid-chat: the agent sees it in "Pages visited". */
  pageViewed(conversationId: string, url: string, title: string): Promise<void>;
  /** E-mails the transcript to the address the shopper gave when starting; once per chat. Refusals are HubExceptions. */
  emailTranscript(conversationId: string): Promise<void>;
}

export const shopperHubPath = "/hubs/shopper";

export function connectShopperHub(options: ShopperHubOptions): ShopperHub {
  const connection = new HubConnectionBuilder()
    // The dealer's page is another origin and the hub uses no cookie: no credentials, so no
    // Access-Control-Allow-Credentials is needed. The token goes as Bearer (negotiate) or access_token (WebSocket).
    .withUrl(options.serverUrl + shopperHubPath, { accessTokenFactory: options.accessTokenFactory, withCredentials: false })
    // Forever: reconnectDelay never returns null.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount) })
    .configureLogging(options.logLevel ?? LogLevel.None)
    .build();

  let stopped = false;
  const report = (state: HubState) => options.onStateChange?.(state);
  const connected = () => {
    report("connected");
    options.onConnected?.();
  };

  connection.on("messageReceived", (message: MessageDto) => options.handlers.messageReceived(message));
  connection.on("conversationChanged", (conversation: ConversationDto) => options.handlers.conversationChanged(conversation));
  connection.on("typing", (typing: TypingDto) => options.handlers.typing?.(typing));
  connection.on("readUpTo", (read: ReadDto) => options.handlers.readUpTo?.(read));
  connection.onreconnecting(() => report("reconnecting"));
  connection.onreconnected(connected);
  connection.onclose(() => {
    report("disconnected");
    // Automatic reconnect gave up or never began (e.g. the server refused a reconnect): start over.
    if (!stopped) void hub.start();
  });

  const start = startLoop(connection, () => stopped, report, connected);

  const hub: ShopperHub = {
    connection,
    get connected() {
      return connection.state === HubConnectionState.Connected;
    },
    async start() {
      stopped = false;
      await start();
    },
    async stop() {
      stopped = true;
      await connection.stop();
    },
    startConversation: (request) => connection.invoke<ConversationDto>("StartConversation", request),
    sendMessage: (conversationId, clientMessageId, text) => connection.invoke<MessageDto>("SendMessage", conversationId, clientMessageId, text),
    sync: (conversationId, afterSeq) => connection.invoke<MessageDto[]>("Sync", conversationId, afterSeq),
    endConversation: (conversationId) => connection.invoke<void>("EndConversation", conversationId),
    resume: () => connection.invoke<ConversationDto | null>("Resume"),
    typing: (conversationId, typing) => connection.invoke<void>("Typing", conversationId, typing),
    markRead: (conversationId, seq) => connection.invoke<void>("MarkRead", conversationId, seq),
    emailTranscript: (conversationId) => connection.invoke<void>("EmailTranscript", conversationId),
    pageViewed: (conversationId, url, title) => connection.invoke<void>("PageViewed", conversationId, url, title),
  };
  return hub;
}

/** The server's message from a HubException ("This chat has ended."), or undefined for a connection failure worth retrying. */
export function hubErrorMessage(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : "";
  const marker = "HubException: ";
  const at = message.indexOf(marker);
  return at < 0 ? undefined : message.slice(at + marker.length);
}
