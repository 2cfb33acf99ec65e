import { useEffect, useRef, useState } from "preact/hooks";
import { connectAgentHub, type AgentHub, type AgentStatus, type AgentStatusDto, type HubState } from "@showroom/sdk";

export type StatusListener = (status: AgentStatusDto) => void;

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
}

/** Keeps the agent hub connected while signed in; `stop` lets sign-out close it before the server does. */
export function useAgentHub(signedIn: boolean, onSessionEnded: (reason: string) => void): ConsoleHub {
  const [state, setState] = useState<HubState>("disconnected");
  const hub = useRef<AgentHub | undefined>(undefined);
  const sessionEnded = useRef(onSessionEnded);
  sessionEnded.current = onSessionEnded;
  const statusListeners = useRef(new Set<StatusListener>());
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
  };
}
