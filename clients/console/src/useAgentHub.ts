import { useEffect, useRef, useState } from "preact/hooks";
import { connectAgentHub, type AgentHub, type HubState } from "@showroom/sdk";

/** Keeps the agent hub connected while signed in; `stop` lets sign-out close it before the server does. */
export function useAgentHub(signedIn: boolean, onSessionEnded: (reason: string) => void) {
  const [state, setState] = useState<HubState>("disconnected");
  const hub = useRef<AgentHub | undefined>(undefined);
  const sessionEnded = useRef(onSessionEnded);
  sessionEnded.current = onSessionEnded;

  useEffect(() => {
    if (!signedIn) return;
    const connection = connectAgentHub({
      handlers: { sessionEnded: (reason) => sessionEnded.current(reason) },
      onStateChange: setState,
    });
    hub.current = connection;
    void connection.start();
    return () => {
      hub.current = undefined;
      void connection.stop();
    };
  }, [signedIn]);

  return {
    state,
    stop: async () => {
      await hub.current?.stop();
    },
  };
}
