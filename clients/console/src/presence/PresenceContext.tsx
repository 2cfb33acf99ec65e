import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { getAgentStatus, putAgentStatus, type AgentStatus, type AgentStatusDto, type HubState, type Me } from "@showroom/sdk";
import type { ConsoleHub, StatusListener } from "../useAgentHub.ts";
import { causeNoticeKey, isNewer, throttle } from "./presence.ts";

/** Idle auto-away counts from the last Activity(); once a minute is precise enough and spares the server. */
const activityIntervalMs = 60_000;

export interface Presence {
  me: Me;
  hubState: HubState;
  /** The agent's own status; undefined until first read. */
  status: AgentStatusDto | undefined;
  /** A change the agent did not make themselves (idle, missed offers, manager), until dismissed. */
  notice: AgentStatusDto | undefined;
  dismissNotice(): void;
  /** True after a change failed over the hub and over HTTP. */
  failed: boolean;
  choose(status: AgentStatus): Promise<void>;
  onStatusChanged(listener: StatusListener): () => void;
}

const PresenceContext = createContext<Presence | undefined>(undefined);

export function usePresence(): Presence {
  const presence = useContext(PresenceContext);
  if (!presence) throw new Error("usePresence needs a PresenceProvider.");
  return presence;
}

/**
 * The signed-in agent's status, one for all their tabs and devices: read over HTTP at start and after every
 * (re)connection, then followed through StatusChanged. Also reports the agent's activity for idle auto-away.
 */
export function PresenceProvider({ me, hub, children }: { me: Me; hub: ConsoleHub; children: ComponentChildren }) {
  const [own, setOwn] = useState<{ status?: AgentStatusDto; notice?: AgentStatusDto }>({});
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const latestHub = useRef(hub);
  latestHub.current = hub;

  const apply = (incoming: AgentStatusDto) =>
    setOwn((current) => {
      if (current.status && !isNewer(incoming.changedAt, current.status.changedAt)) return current;
      // The notice explains the status shown now; any later change (the agent's own click included) replaces it.
      return { status: incoming, notice: causeNoticeKey(incoming.cause) ? incoming : undefined };
    });

  useEffect(() => {
    const sameAgent = (id: string) => id.toLowerCase() === me.id.toLowerCase();
    return hub.onStatusChanged((status) => {
      if (sameAgent(status.agentId)) apply(status);
    });
  }, [me.id]);

  // At start, and after a reconnection: messages sent while disconnected are lost, so read the status again.
  useEffect(() => {
    if (hub.state !== "connected" && own.status) return;
    let current = true;
    getAgentStatus(me.id).then((status) => current && apply(status), () => undefined);
    return () => {
      current = false;
    };
  }, [me.id, hub.state === "connected"]);

  useEffect(() => {
    const gate = throttle(activityIntervalMs);
    const used = () => {
      if (latestHub.current.state === "connected" && gate()) latestHub.current.activity();
    };
    document.addEventListener("keydown", used, true);
    document.addEventListener("pointerdown", used, true);
    addEventListener("focus", used);
    return () => {
      document.removeEventListener("keydown", used, true);
      document.removeEventListener("pointerdown", used, true);
      removeEventListener("focus", used);
    };
  }, []);

  const choose = async (status: AgentStatus) => {
    setFailed(false);
    try {
      apply(await latestHub.current.setStatus(status));
    } catch {
      // The hub is down (or the call was cut): HTTP does the same, and StatusChanged reaches the other clients.
      try {
        apply(await putAgentStatus(me.id, status));
      } catch {
        setFailed(true);
      }
    }
  };

  const notice = own.notice && own.notice.changedAt !== dismissed ? own.notice : undefined;
  const value: Presence = {
    me,
    hubState: hub.state,
    status: own.status,
    notice,
    dismissNotice: () => setDismissed(own.notice?.changedAt),
    failed,
    choose,
    onStatusChanged: hub.onStatusChanged,
  };
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}
