/**
 * The shopper's chat panel, loaded by loader.js on the first click (or at once to resume an open chat).
 * Delivery: every send has a client-made id and stays pending until the server's acknowledgement (or the
 * same message arriving by MessageReceived/Sync); pending sends are retried with the same id, so the
 * server stores each once. After every (re)connect, and whenever a seq gap shows, Sync fills the log.
 */
import {
  connectShopperHub, departmentKinds, hubErrorMessage, MessageLog, startWidgetSession, WidgetSessionError,
  type ConversationDto, type DepartmentKind, type MessageDto, type ShopperHub, type WidgetSession,
} from "@showroom/sdk";
import { readStored, writeStored, type Chat, type ChatOptions } from "./contract.ts";
import { h, newId, textWithLinks } from "./dom.ts";
import { browserLang } from "./lang.ts";
import { catalogs, format } from "./strings.ts";
import { styles } from "./styles.ts";
import { cleanVehicle, readDepartment, readVehicle } from "./vehicle.ts";

/** A pending send is tried again when this long has passed without an acknowledgement. */
const retryAfterMs = 5_000;

export function mount(container: HTMLElement, options: ChatOptions): Chat {
  const lang = browserLang();
  const t = catalogs[lang];
  const stored = readStored(options.widgetKey);
  const save = () => writeStored(options.widgetKey, stored);

  let session: WidgetSession | undefined;
  let hub: ShopperHub | undefined;
  let conversation: ConversationDto | undefined;
  let log = new MessageLog();
  let visible = false;
  let unread = 0;
  let everConnected = false;
  const attempts = new Map<string, number>();
  const items = new Map<string, HTMLLIElement>();

  // The frame: header, connection banner, body (loading, form or conversation), footer.
  const title = h("h2", { id: "showroom-title" }, t.loading);
  const endButton = h("button", { type: "button", class: "end", hidden: "" }, t.endChat);
  const closeButton = h("button", { type: "button", class: "x", "aria-label": t.close, title: t.close }, "×");
  const banner = h("div", { class: "banner", role: "status", hidden: "" }, t.reconnecting);
  const body = h("div", { class: "body" });
  const foot = h("div");
  const panel = h("div", { class: "panel", role: "dialog", "aria-labelledby": "showroom-title", lang },
    h("div", { class: "head" }, title, endButton, closeButton), banner, body, foot);
  const style = h("style");
  style.textContent = styles;
  container.append(style, panel);

  closeButton.onclick = options.close;
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    if (confirmBar.isConnected && !confirmBar.hidden) cancelEnd();
    else options.close();
  });

  // The conversation view's parts, made once.
  const notice = h("p", { class: "note", role: "status" });
  const list = h("ol");
  const logBox = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": t.messages }, list);
  const textarea = h("textarea", { id: "showroom-message", rows: "2", maxlength: "4000" });
  const composer = h("form", { class: "composer" },
    h("label", { for: "showroom-message", class: "sr" }, t.message), textarea, h("button", { type: "submit", class: "primary" }, t.send));
  const confirmYes = h("button", { type: "button", class: "primary" }, t.endChat);
  const confirmNo = h("button", { type: "button", class: "secondary" }, t.cancel);
  const confirmBar = h("div", { class: "confirm", role: "group", "aria-label": t.endConfirm, hidden: "" }, h("p", {}, t.endConfirm), confirmYes, confirmNo);
  const newChatButton = h("button", { type: "button", class: "secondary" }, t.newChat);
  const endedFoot = h("div", { class: "foot" }, h("p", { class: "note" }, t.ended), newChatButton);

  const show = (...nodes: Node[]) => body.replaceChildren(...nodes);

  // ---- Session and connection -------------------------------------------------------------------

  async function begin() {
    show(h("p", { class: "note" }, t.loading));
    try {
      session = await startWidgetSession(options.serverUrl, options.widgetKey, stored.token ?? null);
    } catch (e) {
      session = undefined;
      show(h("p", { class: "error", role: "alert" }, t.unavailable));
      // A network failure may pass: try again the next time the shopper opens the panel.
      if (e instanceof WidgetSessionError && e.status === 0) failedSession = true;
      return;
    }
    stored.token = session.visitorToken;
    title.textContent = session.dealerName;
    setConversation(session.conversation?.status === "Ended" ? undefined : session.conversation ?? undefined);
    if (visible) focusFirst();
    hub ??= connectShopperHub({
      serverUrl: options.serverUrl,
      accessTokenFactory: () => stored.token ?? "",
      handlers: { messageReceived, conversationChanged },
      onStateChange: (state) => {
        banner.hidden = state === "connected" || (!everConnected && state === "connecting");
      },
      onConnected: () => {
        const reconnect = everConnected;
        everConnected = true;
        void caughtUp(reconnect);
      },
    });
    void hub.start();
  }
  let failedSession = false;

  /** After a (re)connect: the conversation's state may have moved on while away; then sync and resend. */
  async function caughtUp(reconnect: boolean) {
    if (reconnect) {
      try {
        const fresh = await startWidgetSession(options.serverUrl, options.widgetKey, stored.token ?? null);
        stored.token = fresh.visitorToken;
        save();
        if (conversation && fresh.conversation?.id !== conversation.id) conversationChanged({ ...conversation, status: "Ended" });
      } catch {
        // Keep what we know; the hub is connected, so sync still helps.
      }
    }
    await sync();
    retry(true);
  }

  let syncing: Promise<void> | undefined;
  /** Fills the log after its last gapless seq; up to 500 a call, so it repeats while pages are full. */
  function sync(): Promise<void> {
    syncing ??= (async () => {
      try {
        while (hub?.connected && conversation) {
          const id = conversation.id;
          const batch = await hub.sync(id, log.lastSeq);
          if (conversation?.id !== id) break;
          accept(batch, false);
          if (batch.length < 500) break;
        }
      } catch {
        // Connection lost mid-sync: the reconnect syncs again.
      } finally {
        syncing = undefined;
      }
    })();
    return syncing;
  }

  function messageReceived(message: MessageDto) {
    if (message.conversationId !== conversation?.id) return;
    const gap = log.isGap(message.seq);
    accept([message], true);
    if (gap) void sync();
  }

  function conversationChanged(changed: ConversationDto) {
    if (changed.id !== conversation?.id) return;
    conversation = changed;
    if (changed.status === "Ended") {
      delete stored.conversationId;
      save();
    }
    renderConversation();
  }

  function accept(messages: MessageDto[], live: boolean) {
    const id = conversation?.id;
    const mine = messages.filter((m) => m.conversationId === id);
    const known = log.lastSeq;
    if (!log.add(...mine)) return;
    if (!visible && live) {
      unread += mine.filter((m) => m.sender !== "Shopper" && m.seq > known).length;
      options.unread(unread);
    }
    renderMessages();
  }

  // ---- Sending ------------------------------------------------------------------------------------

  function send(text: string) {
    if (!conversation) return;
    const id = newId();
    log.addPending(id, text);
    renderMessages();
    void deliver(id, text);
  }

  async function deliver(clientMessageId: string, text: string) {
    const id = conversation?.id;
    if (!hub?.connected || !id) return;
    attempts.set(clientMessageId, Date.now());
    try {
      accept([await hub.sendMessage(id, clientMessageId, text)], false);
      attempts.delete(clientMessageId);
    } catch (e) {
      // A refusal (the chat ended, the text is too long) is final; anything else is retried.
      const reason = hubErrorMessage(e);
      if (reason !== undefined) {
        log.fail(clientMessageId, reason);
        renderMessages();
      }
    }
  }

  /** Resends what is still pending: all of it after a reconnect, else what has waited too long. */
  function retry(all: boolean) {
    for (const p of log.retryable) {
      if (all || Date.now() - (attempts.get(p.clientMessageId) ?? 0) > retryAfterMs) void deliver(p.clientMessageId, p.text);
    }
  }
  setInterval(() => retry(false), 2_000);

  composer.onsubmit = (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text || conversation?.status === "Ended") return;
    textarea.value = "";
    send(text.slice(0, 4000));
  };
  textarea.onkeydown = (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  };

  // ---- Starting and ending ------------------------------------------------------------------------

  function setConversation(open: ConversationDto | undefined) {
    if (open?.id !== conversation?.id) {
      log = new MessageLog();
      items.clear();
      list.replaceChildren();
    }
    conversation = open;
    if (open) stored.conversationId = open.id;
    else delete stored.conversationId;
    save();
    if (open) renderConversation();
    else renderForm();
  }

  function renderForm() {
    endButton.hidden = true;
    foot.replaceChildren();
    const offered = session?.departments.map((d) => d.kind) ?? [...departmentKinds];
    const field = (label: string, input: HTMLInputElement) => h("label", {}, label, input);
    const name = h("input", { name: "name", autocomplete: "name", maxlength: "100" });
    const email = h("input", { name: "email", type: "email", autocomplete: "email", maxlength: "256" });
    const phone = h("input", { name: "phone", type: "tel", autocomplete: "tel", maxlength: "40" });
    const department = h("select", { name: "department" }, ...offered.map((kind) => h("option", { value: kind }, t[kind])));
    department.value = readDepartment(document.querySelector("[data-showroom-department]")?.getAttribute("data-showroom-department"), offered)
      ?? (offered.includes("Sales") ? "Sales" : offered[0] ?? "Sales");
    const error = h("p", { class: "error", role: "alert" });
    const submit = h("button", { type: "submit", class: "primary" }, t.start);
    const form = h("form", { class: "start" },
      h("p", { class: "note" }, format(t.intro, { dealer: session?.dealerName ?? "" })),
      field(t.name, name), field(t.email, email), field(t.phone, phone),
      h("label", {}, t.department, department), error, submit);
    form.onsubmit = async (event) => {
      event.preventDefault();
      if (!hub || submit.disabled) return;
      submit.disabled = true;
      submit.textContent = t.starting;
      error.textContent = "";
      try {
        await hub.start();
        const started = await hub.startConversation({
          name: name.value.trim() || undefined,
          email: email.value.trim() || undefined,
          phone: phone.value.trim() || undefined,
          department: department.value as DepartmentKind,
          pageUrl: location.href.slice(0, 2048),
          pageTitle: document.title.slice(0, 300) || undefined,
          vehicle: cleanVehicle(options.vehicle()) ?? readVehicle(document.querySelector("[data-showroom-vehicle]")),
        });
        setConversation(started);
        await sync();
        textarea.focus();
      } catch (e) {
        error.textContent = hubErrorMessage(e) ?? t.startFailed;
        submit.disabled = false;
        submit.textContent = t.start;
      }
    };
    show(form);
  }

  function renderConversation() {
    if (!conversation) return;
    const ended = conversation.status === "Ended";
    endButton.hidden = ended;
    notice.textContent = ended ? ""
      : conversation.status === "Waiting" ? format(t.waiting, { dealer: session?.dealerName ?? "" })
      : conversation.agentName ? format(t.chattingWith, { name: conversation.agentName }) : "";
    notice.hidden = !notice.textContent;
    if (body.firstChild !== notice) show(notice, logBox);
    if (ended) {
      confirmBar.hidden = true;
      foot.replaceChildren(endedFoot);
    } else if (!foot.contains(composer)) {
      foot.replaceChildren(confirmBar, composer);
    }
    renderMessages();
  }

  endButton.onclick = () => {
    confirmBar.hidden = false;
    confirmYes.focus();
  };
  const cancelEnd = () => {
    confirmBar.hidden = true;
    endButton.focus();
  };
  confirmNo.onclick = cancelEnd;
  confirmYes.onclick = async () => {
    if (!hub || !conversation) return;
    const current = conversation;
    try {
      await hub.endConversation(current.id);
      conversationChanged({ ...current, status: "Ended" });
    } catch {
      // Not connected: the bar stays, the shopper can try again.
    }
  };
  newChatButton.onclick = () => {
    setConversation(undefined);
    (body.querySelector("input") as HTMLInputElement | null)?.focus();
  };

  // ---- The message list ---------------------------------------------------------------------------

  /** Updates the list in place (existing items are reused, so a screen reader announces only new ones). */
  function renderMessages() {
    const rows: { key: string; sender: string; who: string; text: string; mark: string; state: string }[] = [];
    for (const m of log.messages) {
      rows.push({
        key: m.clientMessageId, sender: m.sender.toLowerCase(), text: m.text, state: "sent",
        who: m.sender === "Agent" ? m.senderName ?? session?.dealerName ?? "" : m.sender === "Shopper" ? t.you : "",
        mark: m.sender === "Shopper" ? t.sent : "",
      });
    }
    for (const p of log.pending) {
      rows.push({
        key: p.clientMessageId, sender: "shopper", who: t.you, text: p.text,
        state: p.error === undefined ? "pending" : "failed",
        mark: p.error === undefined ? t.sending : format(t.notSent, { reason: p.error }),
      });
    }
    let previous: Element | null = null;
    for (const row of rows) {
      let li = items.get(row.key);
      if (!li) {
        li = h("li");
        items.set(row.key, li);
      }
      if (li.dataset.state !== row.state + row.mark) {
        li.dataset.state = row.state + row.mark;
        li.className = `${row.sender} ${row.state}`;
        const parts: Node[] = [];
        if (row.who) parts.push(h("span", { class: row.sender === "shopper" ? "sr" : "who" }, row.who));
        parts.push(h("p", { class: "bubble" }, ...textWithLinks(row.text)));
        if (row.mark) parts.push(h("span", { class: "mark" }, row.mark));
        li.replaceChildren(...parts);
      }
      const expected: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== li) (previous ? previous.after(li) : list.prepend(li));
      previous = li;
    }
    const scroller = body;
    scroller.scrollTop = scroller.scrollHeight;
  }

  /** The first thing to use: the form's first field, the composer, or "Start a new chat". */
  function focusFirst() {
    const first = body.querySelector<HTMLElement>("input, select") ?? (conversation && conversation.status !== "Ended" ? textarea : null)
      ?? (foot.contains(newChatButton) ? newChatButton : closeButton);
    first.focus();
  }

  void begin();

  return {
    shown() {
      visible = true;
      unread = 0;
      options.unread(0);
      if (failedSession) {
        failedSession = false;
        void begin();
      }
      focusFirst();
      body.scrollTop = body.scrollHeight;
    },
    hidden() {
      visible = false;
    },
  };
}
