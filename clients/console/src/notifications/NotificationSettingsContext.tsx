import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { defaultNotificationSettings, getNotificationSettings, putNotificationSettings, type NotificationSettingsDto } from "@showroom/sdk";
import type { ConsoleHub } from "../useAgentHub.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { offerRinger } from "../chat/OfferAlertControls.tsx";
import { offerAlertRules, parseSettings } from "./rules.ts";

export interface NotificationSettings {
  /** The server's, once read; until then what this browser last knew (or the defaults). */
  settings: NotificationSettingsDto;
  loaded: boolean;
  /** Saves all four channels (shown at once); resolves with the saved settings, or rejects (ApiError) and puts them back. */
  save(next: NotificationSettingsDto): Promise<NotificationSettingsDto>;
}

const NotificationSettingsContext = createContext<NotificationSettings | undefined>(undefined);

export function useNotificationSettings(): NotificationSettings {
  const value = useContext(NotificationSettingsContext);
  if (!value) throw new Error("useNotificationSettings needs a NotificationSettingsProvider.");
  return value;
}

const storageKey = (agentId: string) => `showroom:notification-settings:${agentId.toLowerCase()}`;

function remembered(agentId: string): NotificationSettingsDto | undefined {
  try {
    return parseSettings(JSON.parse(localStorage.getItem(storageKey(agentId)) ?? "null"));
  } catch {
    return undefined;
  }
}

/**
 * The agent's notification channels: read at start and after every reconnection (a change made meanwhile was not
 * pushed here), then followed through NotificationSettingsChanged. The offer ringer follows them and the status:
 * Do Not Disturb silences everything.
 */
export function NotificationSettingsProvider({ hub, children }: { hub: ConsoleHub; children: ComponentChildren }) {
  const { me, status } = usePresence();
  const [settings, setSettings] = useState<NotificationSettingsDto>(() => remembered(me.id) ?? defaultNotificationSettings);
  const [loaded, setLoaded] = useState(false);
  /** Bumped by every change (the server's and the agent's own), so an older GET answer never overwrites a newer one. */
  const version = useRef(0);

  const apply = (next: NotificationSettingsDto) => {
    version.current++;
    setSettings(next);
    setLoaded(true);
    try {
      localStorage.setItem(storageKey(me.id), JSON.stringify(next));
    } catch {
      // Private mode: read from the server at every start.
    }
  };

  useEffect(() => hub.onNotificationSettingsChanged(apply), [me.id]);

  const connected = hub.state === "connected";
  useEffect(() => {
    if (!connected && loaded) return;
    let current = true;
    const asked = version.current;
    getNotificationSettings().then((read) => current && version.current === asked && apply(read), () => undefined);
    return () => {
      current = false;
    };
  }, [me.id, connected]);

  const shown = status?.status;
  useEffect(() => offerRinger().setRules(offerAlertRules(settings, shown)), [settings, shown]);

  const latest = useRef(settings);
  latest.current = settings;
  // Shown at once (a checkbox must not spring back while the server answers); put back if it was not saved.
  const save = async (next: NotificationSettingsDto) => {
    const before = latest.current;
    // A read still in flight must not put back what the agent just chose.
    const asked = ++version.current;
    setSettings(next);
    try {
      const saved = await putNotificationSettings(next);
      apply(saved);
      return saved;
    } catch (e) {
      if (version.current === asked) setSettings(before);
      throw e;
    }
  };

  return (
    <NotificationSettingsContext.Provider value={{ settings, loaded, save }}>{children}</NotificationSettingsContext.Provider>
  );
}
