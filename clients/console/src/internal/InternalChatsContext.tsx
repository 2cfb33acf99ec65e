import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { hubErrorMessage, MessageLog, type InternalMessageDto, type InternalThreadDto, type NoteDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { navigate } from "../router.ts";
import type { ConsoleHub } from "../useAgentHub.ts";
import { newClientMessageId } from "../chat/chats.ts";
import { offerRinger } from "../chat/OfferAlertControls.tsx";
import { useNotificationSettings } from "../notifications/NotificationSettingsContext.tsx";
import { internalAlert } from "../notifications/rules.ts";
import { excerpt, orderThreads, seqToMarkRead, threadUnread, toLine, withArrival, withRead } from "./internal.ts";
import "./team.css";

/** One internal thread as the console holds it. */
export interface ThreadView {
  thread: InternalThreadDto;
  log: MessageLog;
  /** Colleagues' messages after the agent's read mark. */
  unread: number;
}

interface Toast {
  key: string;
  threadId: string;
  name: string;
  room: boolean;
  text: string;
}

export interface InternalChats {
  /** Team rooms first, then direct chats; undefined until first read. */
  threads: ThreadView[] | undefined;
  loadFailed: boolean;
  totalUnread: number;
  selectedId: string | undefined;
  select(id: string): void;
  /** The Team chat page is on screen (its open thread is being read). */
  setPageOpen(open: boolean): void;
  /** Opens (or makes) the direct chat with a colleague and shows it on the Team chat page. */
  messageColleague(colleagueId: string): Promise<void>;
  send(threadId: string, text: string): void;
  discard(threadId: string, clientMessageId: string): void;
  /** Private notes of a customer chat (the conversation pane's notes section); these reject when not connected. */
  connected: boolean;
  loadNotes(conversationId: string): Promise<NoteDto[]>;
  addNote(conversationId: string, clientNoteId: string, text: string): Promise<NoteDto>;
  onNoteAdded(listener: (note: NoteDto) => void): () => void;
}

const InternalChatsContext = createContext<InternalChats | undefined>(undefined);

export function useInternalChats(): InternalChats {
  const chats = useContext(InternalChatsContext);
  if (!chats) throw new Error("useInternalChats needs an InternalChatsProvider.");
  return chats;
}

interface Entry {
  thread: InternalThreadDto;
  log: MessageLog;
}

/** A toast stays this long unless dismissed or opened. */
const toastMs = 10_000;
/** SyncInternal answers at most this many messages per call. */
const syncPage = 500;

/**
 * The agent's internal chats (direct chats with colleagues and each dealer's team room), above the pages so a
 * message counts wherever the agent is. Threads and unread counts are read at start and after every reconnection
 * (so Offline agents find what came meanwhile); a thread's messages are synced when it is first opened and then
 * follow InternalMessageReceived. The status rules are applied here: Available and Away get a toast (and, as their
 * notification settings say, a short sound and a browser notification while the tab is hidden); Do Not Disturb
 * only the count. Sends reuse the sdk's MessageLog: pending until acknowledged, retried with the same client id.
 */
export function InternalChatsProvider({ hub, children }: { hub: ConsoleHub; children: ComponentChildren }) {
  const { t, locale } = useI18n();
  const presence = usePresence();
  const { settings } = useNotificationSettings();
  const meId = presence.me.id;
  const entries = useRef(new Map<string, Entry>());
  const synced = useRef(new Set<string>());
  const inFlight = useRef(new Set<string>());
  const [loaded, setLoaded] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [pageOpen, setPageOpen] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const latest = useRef({ hub, status: presence.status?.status, selectedId, pageOpen, settings, t });
  latest.current = { hub, status: presence.status?.status, selectedId, pageOpen, settings, t };

  const reading = (threadId: string) =>
    latest.current.pageOpen && latest.current.selectedId === threadId && document.visibilityState === "visible";

  const upsert = (thread: InternalThreadDto) => {
    const entry = entries.current.get(thread.id);
    if (!entry) entries.current.set(thread.id, { thread, log: new MessageLog() });
    // Read marks only move forward: a list read before this tab marked a thread read must not undo it.
    else entry.thread = thread.readSeq < entry.thread.readSeq ? withRead({ ...thread }, entry.thread.readSeq) : thread;
  };

  const sync = async (id: string) => {
    const entry = entries.current.get(id);
    if (!entry) return;
    try {
      for (;;) {
        const before = entry.log.lastSeq;
        const batch = await latest.current.hub.syncInternal(id, before);
        entry.log.add(...batch.map(toLine));
        if (batch.length < syncPage || entry.log.lastSeq === before) break;
      }
      synced.current.add(id);
      changed();
    } catch {
      // Not connected: the next reconnection syncs again.
    }
  };

  const deliver = async (id: string) => {
    const entry = entries.current.get(id);
    if (!entry) return;
    for (const pending of entry.log.retryable) {
      if (inFlight.current.has(pending.clientMessageId)) continue;
      if (latest.current.hub.state !== "connected") return;
      inFlight.current.add(pending.clientMessageId);
      try {
        const stored = await latest.current.hub.sendInternal(id, pending.clientMessageId, pending.text);
        entry.log.add(toLine(stored));
        entry.thread = withArrival(entry.thread, stored, meId);
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

  const refresh = async () => {
    let threads: InternalThreadDto[];
    try {
      threads = await latest.current.hub.internalThreads();
    } catch {
      setLoadFailed(true);
      return;
    }
    setLoadFailed(false);
    for (const thread of threads) upsert(thread);
    setLoaded(true);
    changed();
    // Threads opened in this tab catch up; sends made while disconnected go again with the same client id.
    const active = [...entries.current].filter(([id, entry]) => synced.current.has(id) || entry.log.retryable.length > 0).map(([id]) => id);
    await Promise.all(active.map(async (id) => {
      await sync(id);
      await deliver(id);
    }));
  };

  const connected = hub.state === "connected";
  useEffect(() => {
    if (connected) void refresh();
  }, [connected]);

  const dismiss = (key: string) => setToasts((all) => all.filter((toast) => toast.key !== key));

  const notify = (message: InternalMessageDto, entry: Entry | undefined) => {
    const key = message.id;
    const room = entry?.thread.kind === "TeamRoom";
    setToasts((all) => [...all.filter((toast) => toast.threadId !== message.threadId),
      { key, threadId: message.threadId, name: message.agentName, room, text: excerpt(message.text) }]);
    setTimeout(() => dismiss(key), toastMs);
  };

  /** A browser notification for a hidden tab, one per thread (a newer message replaces it); a click opens the thread. */
  const popup = (message: InternalMessageDto, entry: Entry | undefined) => {
    if (typeof Notification !== "function" || Notification.permission !== "granted") return;
    const room = entry?.thread.kind === "TeamRoom";
    try {
      const notification = new Notification(
        latest.current.t(room ? "internal.toastRoom" : "internal.toastDirect", { name: message.agentName }),
        { body: excerpt(message.text), tag: `internal-${message.threadId}` },
      );
      notification.onclick = () => {
        window.focus();
        notification.close();
        select(message.threadId);
        navigate("/team");
      };
    } catch {
      // Some browsers allow notifications only from a service worker: the toast and the count remain.
    }
  };

  useEffect(
    () =>
      hub.onInternal({
        internalMessageReceived: (message) => {
          const fromMe = message.agentId.toLowerCase() === meId.toLowerCase();
          const entry = entries.current.get(message.threadId);
          const alert = internalAlert(latest.current.settings, latest.current.status,
            { fromMe, reading: reading(message.threadId), hidden: document.hidden });
          if (alert.toast) notify(message, entry);
          if (alert.sound) offerRinger().messageTone();
          if (alert.popup) popup(message, entry);
          if (!entry) {
            // A direct chat a colleague just started: the list (with its unread count) is read again.
            void refresh();
            return;
          }
          const gap = entry.log.isGap(message.seq);
          entry.log.add(toLine(message));
          entry.thread = withArrival(entry.thread, message, meId);
          changed();
          if (gap && synced.current.has(message.threadId)) void sync(message.threadId);
        },
        internalReadUpTo: (read) => {
          // Read on another tab or device: the unread count here follows.
          const entry = entries.current.get(read.threadId);
          if (!entry || read.seq <= entry.thread.readSeq) return;
          entry.thread = withRead(entry.thread, read.seq);
          changed();
        },
      }),
    [],
  );

  // The open thread on a visible Team chat page: its read mark follows what the agent sees.
  useEffect(() => {
    const entry = selectedId === undefined ? undefined : entries.current.get(selectedId);
    if (!entry || !pageOpen || !synced.current.has(entry.thread.id) || document.visibilityState !== "visible" || hub.state !== "connected") return;
    const seq = seqToMarkRead(entry.log.lastSeq, entry.thread.readSeq);
    if (seq === undefined) return;
    entry.thread = withRead(entry.thread, seq);
    changed();
    // A mark that did not reach the server is corrected by the next reconnection's list (retrying here could loop).
    hub.markInternalRead(entry.thread.id, seq).catch(() => undefined);
  });

  useEffect(() => {
    const visibility = () => changed();
    document.addEventListener("visibilitychange", visibility);
    return () => document.removeEventListener("visibilitychange", visibility);
  }, []);

  const select = (id: string) => {
    setSelectedId(id);
    setToasts((all) => all.filter((toast) => toast.threadId !== id));
    if (!synced.current.has(id)) void sync(id);
  };

  const threads: ThreadView[] | undefined = loaded
    ? orderThreads([...entries.current.values()].map((entry) => entry.thread), locale).flatMap((thread) => {
        const log = entries.current.get(thread.id)?.log;
        return log ? [{ thread, log, unread: threadUnread(thread, log.messages, log.lastSeq, meId) }] : [];
      })
    : undefined;

  const value: InternalChats = {
    threads,
    loadFailed,
    totalUnread: threads?.reduce((sum, view) => sum + view.unread, 0) ?? 0,
    selectedId,
    select,
    setPageOpen,
    messageColleague: async (colleagueId) => {
      const thread = await latest.current.hub.openDirect(colleagueId);
      upsert(thread);
      setLoaded(true);
      select(thread.id);
      navigate("/team");
    },
    send: (threadId, text) => {
      const entry = entries.current.get(threadId);
      if (!entry) return;
      entry.log.addPending(newClientMessageId(), text);
      changed();
      void deliver(threadId);
    },
    discard: (threadId, clientMessageId) => {
      const entry = entries.current.get(threadId);
      if (!entry) return;
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
    connected,
    loadNotes: (conversationId) => latest.current.hub.notes(conversationId),
    addNote: (conversationId, clientNoteId, text) => latest.current.hub.addNote(conversationId, clientNoteId, text),
    onNoteAdded: (listener) => latest.current.hub.onInternal({ noteAdded: listener }),
  };

  return (
    <InternalChatsContext.Provider value={value}>
      {children}
      <section class="internal-toasts" aria-label={t("internal.toasts")}>
        {toasts.map((toast) => (
          <div key={toast.key} class="internal-toast" role="status">
            <p class="internal-toast-title">
              {t(toast.room ? "internal.toastRoom" : "internal.toastDirect", { name: toast.name })}
            </p>
            <p class="internal-toast-text">{toast.text}</p>
            <div class="internal-toast-actions">
              <button type="button" class="button primary" onClick={() => { select(toast.threadId); navigate("/team"); }}>
                {t("internal.toastOpen")}
              </button>
              <button type="button" class="button secondary" onClick={() => dismiss(toast.key)}>{t("internal.toastDismiss")}</button>
            </div>
          </div>
        ))}
      </section>
    </InternalChatsContext.Provider>
  );
}
