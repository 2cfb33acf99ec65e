/**
 * The shopper's chat panel, loaded by loader.js on the first click (or at once to resume an open chat).
 * Delivery: every send has a client-made id and stays pending until the server's acknowledgement (or the
 * same message arriving by MessageReceived/Sync); pending sends are retried with the same id, so the
 * server stores each once. After every (re)connect, and whenever a seq gap shows, Sync fills the log.
 * Typing indicators and read receipts are live only: a lost one is never retried.
 */
import {
  connectShopperHub, departmentKinds, hubErrorMessage, MessageLog, sendLead, startWidgetSession, WidgetSessionError,
  type ConversationDto, type DepartmentKind, type MessageDto, type ReadDto, type ShopperHub, type TypingDto, type WidgetSession,
} from "@showroom/sdk";
import { readWidgetSettings, type WidgetSettings } from "@showroom/sdk/widgetLook";
import { readStored, writeStored, type Chat, type ChatOptions } from "./contract.ts";
import { h, newId, textWithLinks } from "./dom.ts";
import { browserLang } from "./lang.ts";
import { leadForm, type LeadValues } from "./lead.ts";
import { catalogs, format } from "./strings.ts";
import { styles } from "./styles.ts";
import { typingShownMs, TypingSignal } from "./typing.ts";
import { cleanVehicle, readDepartment, readVehicle } from "./vehicle.ts";

/** A pending send is tried again when this long has passed without an acknowledgement. */
const retryAfterMs = 5_000;
/** Read receipts are sent at most this often. */
const markReadEveryMs = 1_000;

const isOpen = (c: ConversationDto | undefined) => c?.status === "Waiting" || c?.status === "Active";

type Contact = "name" | "email" | "phone";
const contactFields: readonly Contact[] = ["name", "email", "phone"];

export function mount(container: HTMLElement, options: ChatOptions): Chat {
  const lang = browserLang();
  const t = catalogs[lang];
  const stored = readStored(options.widgetKey);
  const save = () => writeStored(options.widgetKey, stored);

  let session: WidgetSession | undefined;
  /** The dealer's settings: the start form's fields, the greeting, the offline message. */
  let look: WidgetSettings = readWidgetSettings(undefined);
  let hub: ShopperHub | undefined;
  let conversation: ConversationDto | undefined;
  let log = new MessageLog();
  let visible = false;
  /** Seqs of agent messages that came while the panel was closed: the launcher's count. */
  let unread: number[] = [];
  let everConnected = false;
  /** What the shopper gave in the start form: a missed chat's lead form starts with it. */
  let contact: LeadValues = {};
  /** The highest seq this tab has told the server the shopper read. */
  let markedSeq = 0;
  /** The missed chat whose lead form is showing (it is drawn once, not on every change). */
  let missedShown: string | undefined;
  const attempts = new Map<string, number>();
  const items = new Map<string, HTMLLIElement>();

  // The frame: header, connection banner, body (loading, form or conversation), footer.
  const title = h("h2", { id: "showroom-title" }, t.loading);
  const endButton = h("button", { type: "button", class: "end", hidden: "" }, t.endChat);
  const closeButton = h("button", { type: "button", class: "x", "aria-label": t.close, title: t.close }, "×");
  const banner = h("div", { class: "banner", role: "status", hidden: "" }, t.reconnecting);
  const agentBar = h("div", { class: "agentbar", hidden: "" });
  const body = h("div", { class: "body" });
  const foot = h("div");
  const panel = h("div", { class: "panel", role: "dialog", "aria-labelledby": "showroom-title", lang },
    h("div", { class: "head" }, title, endButton, closeButton), banner, agentBar, body, foot);
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
  // Always in the page (a live region must exist before it speaks); empty takes no room. Changes only
  // when someone starts or stops typing, not on every refresh, so a screen reader hears it once.
  const typingLine = h("p", { class: "typing", "aria-live": "polite" });
  const composer = h("form", { class: "composer" },
    h("label", { for: "showroom-message", class: "sr" }, t.message), textarea, h("button", { type: "submit", class: "primary" }, t.send));
  const confirmYes = h("button", { type: "button", class: "primary" }, t.endChat);
  const confirmNo = h("button", { type: "button", class: "secondary" }, t.cancel);
  const transcriptCheck = h("input", { type: "checkbox", id: "showroom-transcript", checked: "" });
  const transcriptChoice = h("label", { class: "check", for: "showroom-transcript" }, transcriptCheck, t.emailTranscript);
  const confirmBar = h("div", { class: "confirm", role: "group", "aria-label": t.endConfirm, hidden: "" },
    h("p", {}, t.endConfirm), transcriptChoice, confirmYes, confirmNo);
  const newChatButton = h("button", { type: "button", class: "secondary" }, t.newChat);
  const transcriptButton = h("button", { type: "button", class: "secondary" }, t.emailTranscript);
  const transcriptStatus = h("p", { class: "note", role: "status" });
  const transcriptError = h("p", { class: "error", role: "alert" });
  const endedFoot = h("div", { class: "foot" }, h("p", { class: "note" }, t.ended), transcriptStatus, transcriptError, transcriptButton, newChatButton);

  const show = (...nodes: Node[]) => body.replaceChildren(...nodes);
  const focused = () => (panel.getRootNode() as Document | ShadowRoot).activeElement;

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
    look = readWidgetSettings(session.settings);
    options.settings(session.settings);
    setConversation(isOpen(session.conversation ?? undefined) ? session.conversation! : undefined);
    if (visible) focusFirst();
    hub ??= connectShopperHub({
      serverUrl: options.serverUrl,
      accessTokenFactory: () => stored.token ?? "",
      handlers: { messageReceived, conversationChanged, typing: agentTyping, readUpTo },
      onStateChange: (state) => {
        banner.hidden = state === "connected" || (!everConnected && state === "connecting");
      },
      onConnected: () => {
        const reconnect = everConnected;
        everConnected = true;
        // This page load continues an open chat: the agent sees the page the shopper is on now.
        if (!reconnect && hub && isOpen(conversation)) hub.pageViewed(conversation!.id, location.href.slice(0, 2048), document.title.slice(0, 300)).catch(() => {});
        void caughtUp(reconnect).then(markRead);
      },
    });
    void hub.start();
  }
  let failedSession = false;

  /** After a (re)connect: the conversation's state may have moved on while away; then sync and resend. */
  async function caughtUp(reconnect: boolean) {
    const shown = conversation;
    if (reconnect && hub && isOpen(shown)) {
      try {
        const open = await hub.resume();
        // Ours ended or was missed while we were away (the answer says which), or another chat is the open one.
        if (conversation === shown) conversationChanged(open?.id === shown!.id ? open : { ...shown!, status: "Ended" });
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
    if (message.sender === "Agent") hideTyping();
    const gap = log.isGap(message.seq);
    accept([message], true);
    if (gap) void sync();
  }

  function conversationChanged(changed: ConversationDto) {
    if (changed.id !== conversation?.id) return;
    conversation = changed;
    if (!isOpen(changed)) {
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
      unread.push(...mine.filter((m) => m.sender !== "Shopper" && m.seq > known).map((m) => m.seq));
      options.unread(unread.length);
    }
    renderMessages();
    markRead();
  }

  // ---- Typing and read receipts (live only) -------------------------------------------------------

  let typingHide: ReturnType<typeof setTimeout> | undefined;
  function agentTyping(typing: TypingDto) {
    if (typing.conversationId !== conversation?.id || typing.sender !== "Agent") return;
    clearTimeout(typingHide);
    if (!typing.typing) return hideTyping();
    const text = format(t.typing, { name: typing.name ?? conversation.agentName ?? session?.dealerName ?? "" });
    if (typingLine.textContent !== text) typingLine.textContent = text;
    typingHide = setTimeout(hideTyping, typingShownMs);
  }
  function hideTyping() {
    clearTimeout(typingHide);
    typingLine.textContent = "";
  }

  const typingSignal = new TypingSignal((typing) => {
    // The agent hears it only once they have joined.
    if (hub?.connected && conversation?.status === "Active") hub.typing(conversation.id, typing).catch(() => {});
  });
  textarea.oninput = () => typingSignal.input(textarea.value.trim() !== "");

  function readUpTo(read: ReadDto) {
    if (read.conversationId !== conversation?.id) return;
    if (read.reader === "Agent") {
      if (read.seq <= conversation.agentReadSeq) return;
      conversation = { ...conversation, agentReadSeq: read.seq };
      renderMessages();
    } else {
      // Read in another tab: nothing left for this one's launcher to count up to there.
      markedSeq = Math.max(markedSeq, read.seq);
      unread = unread.filter((seq) => seq > read.seq);
      options.unread(unread.length);
    }
  }

  let markTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMarkAt = 0;
  /** Tells the server what the shopper has seen: only while the panel shows, at most once a second. */
  function markRead() {
    if (markTimer || !visible || document.visibilityState !== "visible" || !conversation || !hub?.connected) return;
    const seen = Math.max(markedSeq, conversation.shopperReadSeq ?? 0);
    if (!log.messages.some((m) => m.sender !== "Shopper" && m.seq > seen)) return;
    markTimer = setTimeout(async () => {
      markTimer = undefined;
      const id = conversation?.id;
      const seq = log.lastSeq;
      if (!id || !visible || !hub?.connected) return;
      lastMarkAt = Date.now();
      try {
        await hub.markRead(id, seq);
        if (conversation?.id === id) markedSeq = Math.max(markedSeq, seq);
      } catch {
        // Live only: the next message or opening tries again.
      }
    }, Math.max(0, lastMarkAt + markReadEveryMs - Date.now()));
  }
  document.addEventListener("visibilitychange", markRead);

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
    if (!text || !isOpen(conversation)) return;
    textarea.value = "";
    typingSignal.stop();
    send(text.slice(0, 4000));
  };
  textarea.onkeydown = (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  };

  // ---- Starting, the lead form, and ending --------------------------------------------------------

  function setConversation(open: ConversationDto | undefined) {
    if (open?.id !== conversation?.id) {
      log = new MessageLog();
      items.clear();
      list.replaceChildren();
      markedSeq = 0;
      missedShown = undefined;
      transcriptStatus.textContent = transcriptError.textContent = "";
      transcriptCheck.checked = true;
      hideTyping();
    }
    conversation = open;
    if (open) stored.conversationId = open.id;
    else delete stored.conversationId;
    save();
    if (open) renderConversation();
    else renderForm();
  }

  const offered = () => session?.departments.map((d) => d.kind) ?? [...departmentKinds];

  /** Why no chat can start in this department now (the lead form is offered instead), or undefined when one can. */
  function noChat(kind: DepartmentKind): string | undefined {
    const department = session?.departments.find((d) => d.kind === kind);
    return !department || department.canChat ? undefined : department.open ? t.nobody : t.closed;
  }

  /** The start form, or the lead form where no chat can start; switching departments switches forms (keeping what was typed). */
  function renderForm(wanted?: DepartmentKind, values: LeadValues = contact, refocus = false) {
    endButton.hidden = true;
    agentBar.hidden = true;
    foot.replaceChildren();
    const kinds = offered();
    const department = wanted
      ?? readDepartment(document.querySelector("[data-showroom-department]")?.getAttribute("data-showroom-department"), kinds)
      ?? (kinds.includes("Sales") ? "Sales" : kinds[0] ?? "Sales");
    const why = noChat(department);
    if (why) {
      renderLead(why, department, values, undefined, (kind, typed) => {
        if (!noChat(kind)) renderForm(kind, typed, true);
      });
    } else {
      renderStart(department, values);
    }
    if (refocus) body.querySelector<HTMLElement>("select")?.focus();
  }

  /** The start form: the contact fields the dealer asks for (each with its error), the greeting, the department. */
  function renderStart(chosen: DepartmentKind, values: LeadValues) {
    const rules: Record<Contact, WidgetSettings["nameField"]> = { name: look.nameField, email: look.emailField, phone: look.phoneField };
    const inputs: Record<Contact, HTMLInputElement> = {
      name: h("input", { name: "name", autocomplete: "name", maxlength: "100" }),
      email: h("input", { name: "email", type: "email", autocomplete: "email", maxlength: "256" }),
      phone: h("input", { name: "phone", type: "tel", autocomplete: "tel", maxlength: "40" }),
    };
    // Optional fields say so; required ones carry aria-required (as in the lead form).
    const labels: Record<Contact, [optional: string, required: string]> = {
      name: [t.name, t.leadName], email: [t.email, t.leadEmail], phone: [t.phone, t.leadPhone],
    };
    const shown = contactFields.filter((f) => rules[f] !== "Hidden");
    const errors = {} as Record<Contact, HTMLElement>;
    const rows = shown.map((f) => {
      const input = inputs[f];
      input.id = `showroom-start-${f}`;
      input.value = values[f] ?? "";
      errors[f] = h("p", { class: "field-error", id: `${input.id}-error` });
      input.setAttribute("aria-describedby", errors[f].id);
      if (rules[f] === "Required") input.setAttribute("aria-required", "true");
      return h("div", { class: "field" }, h("label", { for: input.id }, labels[f][rules[f] === "Required" ? 1 : 0]), input, errors[f]);
    });
    const typed = (): LeadValues => {
      const next = { ...values };
      for (const f of shown) next[f] = inputs[f].value.trim();
      return next;
    };
    const department = h("select", { name: "department" }, ...offered().map((kind) => h("option", { value: kind }, t[kind])));
    department.value = chosen;
    department.onchange = () => {
      const kind = department.value as DepartmentKind;
      if (noChat(kind)) renderForm(kind, typed(), true);
    };
    const error = h("p", { class: "error", role: "alert" });
    const submit = h("button", { type: "submit", class: "primary" }, t.start);
    const greeting = look.greeting
      ? h("p", { class: "greeting" }, look.greeting)
      : h("p", { class: "note" }, format(t.intro, { dealer: session?.dealerName ?? "" }));
    const form = h("form", { class: "start", novalidate: "" }, greeting, ...rows, h("label", {}, t.department, department), error, submit);
    form.onsubmit = async (event) => {
      event.preventDefault();
      if (!hub || submit.disabled) return;
      error.textContent = "";
      for (const f of shown) {
        errors[f].textContent = "";
        inputs[f].removeAttribute("aria-invalid");
      }
      const missing = shown.filter((f) => rules[f] === "Required" && !inputs[f].value.trim());
      if (missing.length > 0) {
        for (const f of missing) {
          errors[f].textContent = t.required;
          inputs[f].setAttribute("aria-invalid", "true");
        }
        error.textContent = t.checkForm;
        inputs[missing[0]!].focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = t.starting;
      contact = typed();
      try {
        await hub.start();
        const started = await hub.startConversation({
          name: (rules.name !== "Hidden" && contact.name) || undefined,
          email: (rules.email !== "Hidden" && contact.email) || undefined,
          phone: (rules.phone !== "Hidden" && contact.phone) || undefined,
          department: department.value as DepartmentKind,
          pageUrl: location.href.slice(0, 2048),
          pageTitle: document.title.slice(0, 300) || undefined,
          vehicle: vehicle(),
        });
        setConversation(started);
        await sync();
        if (isOpen(conversation)) textarea.focus();
      } catch (e) {
        error.textContent = hubErrorMessage(e) ?? t.startFailed;
        submit.disabled = false;
        submit.textContent = t.start;
      }
    };
    show(form);
  }

  const vehicle = () => cleanVehicle(options.vehicle()) ?? readVehicle(document.querySelector("[data-showroom-vehicle]"));

  /** The lead form; after a missed chat it names that chat, so the dealer sees both together. */
  function renderLead(notice: string, department: DepartmentKind, values: LeadValues, missed?: string,
    departmentChanged?: (kind: DepartmentKind, typed: LeadValues) => void) {
    const dealer = session?.dealerName ?? "";
    const form = leadForm({
      t, notice, alert: missed !== undefined, offline: look.offlineMessage || undefined,
      intro: missed || look.offlineMessage ? undefined : format(t.leadIntro, { dealer }), departments: offered(), department, values,
      departmentChanged,
      send: (lead) => sendLead(options.serverUrl, options.widgetKey, {
        visitorToken: stored.token ?? null,
        name: lead.name,
        email: lead.email || undefined,
        phone: lead.phone || undefined,
        message: lead.message,
        department: lead.department,
        pageUrl: location.href.slice(0, 2048),
        vehicle: vehicle(),
        conversationId: missed,
      }),
      sent: () => {
        const thanks = h("p", { class: "thanks", role: "status", tabindex: "-1" }, format(t.leadThanks, { dealer }));
        show(thanks);
        thanks.focus();
      },
    });
    show(form);
  }

  /** Nobody answered in time: the lead form, with what the shopper gave and wrote, in place of the chat. */
  function renderMissed(missed: ConversationDto) {
    if (missedShown === missed.id) return;
    const hadFocus = panel.contains(focused());
    missedShown = missed.id;
    typingSignal.stop();
    hideTyping();
    confirmBar.hidden = true;
    foot.replaceChildren();
    const wrote = log.messages.filter((m) => m.sender === "Shopper").map((m) => m.text)
      .concat(log.pending.map((p) => p.text)).join("\n").slice(0, 4000);
    renderLead(t.missed, missed.department, { ...contact, message: wrote }, missed.id);
    // The composer is gone: to the first required field still empty, else the message to review.
    const fields = [...body.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[aria-required]")];
    if (hadFocus || visible) (fields.find((f) => !f.value) ?? fields.at(-1))?.focus();
  }

  function renderConversation() {
    if (!conversation) return;
    const c = conversation;
    renderAgent(c);
    endButton.hidden = !isOpen(c);
    if (c.status === "Missed") return renderMissed(c);
    notice.textContent = c.status !== "Waiting" ? ""
      : c.queuePosition === 1 ? t.queueNext
      : c.queuePosition ? format(t.queueNumber, { n: String(c.queuePosition) })
      : format(t.waiting, { dealer: session?.dealerName ?? "" });
    notice.hidden = !notice.textContent;
    if (body.firstChild !== notice) show(notice, logBox);
    if (c.status === "Ended") {
      const hadFocus = foot.contains(focused());
      typingSignal.stop();
      hideTyping();
      confirmBar.hidden = true;
      renderTranscript(c);
      if (!foot.contains(endedFoot)) {
        foot.replaceChildren(endedFoot);
        if (hadFocus) (transcriptButton.hidden ? newChatButton : transcriptButton).focus();
      }
    } else if (!foot.contains(composer)) {
      foot.replaceChildren(typingLine, confirmBar, composer);
    }
    transcriptChoice.hidden = !c.shopperEmail || c.transcriptSent;
    renderMessages();
  }

  /** The agent's headshot (or initial) and name above the chat; redrawn only when the agent changes (a transfer). */
  function renderAgent(c: ConversationDto) {
    const name = isOpen(c) ? c.agentName?.trim() : undefined;
    const key = name ? `${name}\n${c.agentHeadshotUrl ?? ""}` : "";
    agentBar.hidden = !name;
    if (agentBar.dataset.agent === key) return;
    agentBar.dataset.agent = key;
    if (!name) return agentBar.replaceChildren();
    const initial = h("span", { class: "avatar initial", "aria-hidden": "true" }, name.charAt(0).toUpperCase());
    let avatar: Element = initial;
    if (c.agentHeadshotUrl) {
      // alt="": the name is right next to it.
      const img = h("img", { class: "avatar", src: options.serverUrl + c.agentHeadshotUrl, alt: "" });
      img.onerror = () => img.replaceWith(initial);
      avatar = img;
    }
    agentBar.replaceChildren(avatar, h("p", {}, format(t.chattingWith, { name })));
  }

  let transcriptSending = false;
  function renderTranscript(c: ConversationDto) {
    transcriptButton.hidden = !c.shopperEmail || c.transcriptSent || transcriptSending;
    if (c.transcriptSent && c.shopperEmail) {
      transcriptStatus.textContent = format(t.transcriptSent, { email: c.shopperEmail });
      transcriptError.textContent = "";
    }
  }

  /** Asks for the transcript; the button hides meanwhile (the focus goes on to "Start a new chat") and returns on a failure. */
  async function emailTranscript(id: string) {
    if (!hub) return;
    if (focused() === transcriptButton) newChatButton.focus();
    transcriptSending = true;
    transcriptError.textContent = "";
    if (conversation) renderTranscript(conversation);
    try {
      await hub.emailTranscript(id);
      if (conversation?.id === id) conversation = { ...conversation, transcriptSent: true };
    } catch (e) {
      transcriptError.textContent = hubErrorMessage(e) ?? t.transcriptFailed;
    } finally {
      transcriptSending = false;
      if (conversation?.id === id) renderTranscript(conversation);
    }
  }
  transcriptButton.onclick = () => conversation && void emailTranscript(conversation.id);

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
    const transcript = !transcriptChoice.hidden && transcriptCheck.checked;
    // Set before the call: the server's "ended" may come first, and its footer should not offer the button.
    transcriptSending = transcript;
    try {
      await hub.endConversation(current.id);
    } catch {
      // Not connected: the bar stays, the shopper can try again.
      transcriptSending = false;
      return;
    }
    conversationChanged({ ...current, status: "Ended" });
    if (transcript) await emailTranscript(current.id);
  };
  newChatButton.onclick = () => {
    setConversation(undefined);
    (body.querySelector("input") as HTMLInputElement | null)?.focus();
  };

  // ---- The message list ---------------------------------------------------------------------------

  /**
   * Updates the list in place: existing items are reused and only a changed mark is rewritten, so a screen
   * reader announces new messages, not old ones again. "Read" shows on the newest message the agent has read.
   */
  function renderMessages() {
    const readSeq = conversation?.agentReadSeq ?? 0;
    let lastRead = 0;
    for (const m of log.messages) if (m.sender === "Shopper" && m.seq <= readSeq) lastRead = m.seq;
    const rows: { key: string; sender: string; who: string; text: string; mark: string; state: string }[] = [];
    for (const m of log.messages) {
      rows.push({
        key: m.clientMessageId, sender: m.sender.toLowerCase(), text: m.text, state: "sent",
        who: m.sender === "Agent" ? m.senderName ?? session?.dealerName ?? "" : m.sender === "Shopper" ? t.you : "",
        mark: m.sender !== "Shopper" ? "" : m.seq === lastRead ? t.read : t.sent,
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
      if (li.dataset.state !== row.state) {
        li.dataset.state = row.state;
        li.className = `${row.sender} ${row.state}`;
        const parts: Node[] = [];
        if (row.who) parts.push(h("span", { class: row.sender === "shopper" ? "sr" : "who" }, row.who));
        parts.push(h("p", { class: "bubble" }, ...textWithLinks(row.text)));
        parts.push(h("span", { class: "mark" }));
        li.replaceChildren(...parts);
      }
      const mark = li.lastElementChild!;
      if (mark.textContent !== row.mark) mark.textContent = row.mark;
      const expected: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== li) (previous ? previous.after(li) : list.prepend(li));
      previous = li;
    }
    body.scrollTop = body.scrollHeight;
  }

  /** The first thing to use: the form's first field, the composer, or "Start a new chat". */
  function focusFirst() {
    const first = body.querySelector<HTMLElement>("input, select, .thanks") ?? (isOpen(conversation) ? textarea : null)
      ?? (foot.contains(newChatButton) ? newChatButton : closeButton);
    first.focus();
  }

  void begin();

  return {
    shown() {
      visible = true;
      unread = [];
      options.unread(0);
      if (failedSession) {
        failedSession = false;
        void begin();
      }
      focusFirst();
      body.scrollTop = body.scrollHeight;
      markRead();
    },
    hidden() {
      visible = false;
    },
  };
}
