import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { reconnectDelay } from "./reconnect.ts";
import type { AgentStatus, AgentStatusDto } from "./status.ts";

/** What the server calls on an agent's client (IAgentClient on the server). */
export interface AgentHubHandlers {
  /** The sign-in session ended (signed out, password changed, deactivated); the server closes the connection next. */
  sessionEnded(reason: string): void;
  /** A status changed: the agent's own (from any of their clients, a manager, idle or missed offers) or a teammate's. */
  statusChanged(status: AgentStatusDto): void;
}

export type HubState = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface AgentHubOptions {
  handlers: AgentHubHandlers;
  /** Defaults to the same origin's /hubs/agent. */
  url?: string;
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
}

export const agentHubPath = "/hubs/agent";

export function connectAgentHub(options: AgentHubOptions): AgentHub {
  const connection = new HubConnectionBuilder()
    .withUrl(options.url ?? agentHubPath)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount) })
    .configureLogging(options.logLevel ?? LogLevel.Warning)
    .build();

  let stopped = false;
  const report = (state: HubState) => options.onStateChange?.(state);

  connection.on("sessionEnded", (reason: string) => {
    // The session is over: reconnecting would only be refused, so stop before the server closes us.
    stopped = true;
    void connection.stop();
    options.handlers.sessionEnded(reason);
  });
  connection.on("statusChanged", (status: AgentStatusDto) => options.handlers.statusChanged(status));
  connection.onreconnecting(() => report("reconnecting"));
  connection.onreconnected(() => report("connected"));
  connection.onclose(() => report("disconnected"));

  return {
    connection,
    async start() {
      stopped = false;
      // Automatic reconnect covers a lost connection only, not a first start that fails.
      for (let attempt = 0; !stopped; attempt++) {
        if (connection.state !== HubConnectionState.Disconnected) return;
        report(attempt === 0 ? "connecting" : "reconnecting");
        try {
          await connection.start();
          report("connected");
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt) || 1_000));
        }
      }
    },
    async stop() {
      stopped = true;
      await connection.stop();
    },
    setStatus: (status) => connection.invoke<AgentStatusDto>("SetStatus", status),
    activity: () => connection.invoke<void>("Activity"),
  };
}
