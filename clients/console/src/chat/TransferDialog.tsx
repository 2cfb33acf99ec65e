import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { getTransferTargets, hubErrorMessage, type AgentConversationDto, type DepartmentKind, type TransferTargetDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { pluralKey } from "../i18n/index.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { StatusDot } from "../components/StatusDot.tsx";
import { useTransfers } from "./TransfersContext.tsx";
import { departmentKey } from "./labels.ts";
import { departmentOptions, maxNoteLength, outcomeKey, sortTargets, targetStatusLine, type DepartmentOption, type TransferTarget } from "./transfer.ts";
import "./transfer.css";

/** The header's Transfer button; it opens the dialog, and waits (disabled) while a transfer of the chat is pending. */
export function TransferButton({ conversation, name }: { conversation: AgentConversationDto; name: string }) {
  const { t } = useI18n();
  const pending = useTransfers().of(conversation.id)?.pending;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (conversation.status === "Ended") return null;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} id="transfer-button" type="button" class="button secondary" aria-haspopup="dialog"
        aria-disabled={pending ? "true" : undefined} title={pending ? t("transfer.pendingTitle") : undefined}
        onClick={() => !pending && setOpen(true)}>
        {t("transfer.button")}
      </button>
      {open ? <TransferDialog conversation={conversation} name={name} onClose={close} /> : null}
    </>
  );
}

type Targets = TransferTargetDto[] | "failed" | undefined;

/**
 * "agent:<id>", "department:<kind>" (the chat's dealer) or "department:<kind>@<dealer id>" (another dealer of the group):
 * one radio group across both lists, so exactly one is chosen.
 */
type Choice = `agent:${string}` | `department:${string}`;

const departmentValue = (option: DepartmentOption) => option.dealer ? `${option.department}@${option.dealer.id}` : option.department;

/**
 * A modal <dialog>: the rest of the page is inert, Escape closes it, Tab wraps inside it, and focus goes back to the
 * Transfer button. Colleagues who cannot take the chat are listed, disabled, with the reason in words.
 */
function TransferDialog({ conversation, name, onClose }: { conversation: AgentConversationDto; name: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { onStatusChanged } = usePresence();
  const { request } = useTransfers();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [targets, setTargets] = useState<Targets>(undefined);
  const [choice, setChoice] = useState<Choice | undefined>(undefined);
  const [note, setNote] = useState("");
  const [invalid, setInvalid] = useState<"choice" | "note" | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = (quietly: boolean) => {
    if (!quietly) setTargets(undefined);
    getTransferTargets(conversation.id).then(setTargets, () => !quietly && setTargets("failed"));
  };

  useEffect(() => load(false), []);
  // A colleague's status changed while the dialog is open: read the list again, so what can be chosen stays true.
  useEffect(() => onStatusChanged(() => load(true)), []);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    heading.current?.focus();
    return () => element.close();
  }, []);

  const sorted = Array.isArray(targets) ? sortTargets(targets, locale) : [];
  const departments = Array.isArray(targets) ? departmentOptions(targets, conversation.dealerId) : [];

  // A choice that can no longer be taken (its colleague went to Do Not Disturb meanwhile) is dropped.
  useEffect(() => {
    if (!choice || !Array.isArray(targets)) return;
    const [kind, value] = split(choice);
    const stillOpen = kind === "agent"
      ? targets.some((x) => x.agentId === value && x.unavailableReason === null)
      : departments.some((d) => departmentValue(d) === value && d.ready > 0);
    if (!stillOpen) setChoice(undefined);
  }, [targets]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setRefusal(undefined);
    if (!choice) {
      setInvalid("choice");
      dialog.current?.querySelector<HTMLInputElement>("input[type=radio]:not([disabled])")?.focus();
      return;
    }
    const text = note.trim();
    if (text.length > maxNoteLength) {
      setInvalid("note");
      document.getElementById("transfer-note")?.focus();
      return;
    }
    setInvalid(undefined);
    const [kind, value] = split(choice);
    const [department, dealerId] = value.split("@") as [DepartmentKind, string | undefined];
    const target: TransferTarget = kind === "agent"
      ? { agentName: (Array.isArray(targets) ? targets.find((x) => x.agentId === value)?.name : undefined) ?? "" }
      : { department };
    setBusy(true);
    try {
      await request(conversation.id, {
        ...(kind === "agent" ? { toAgentId: value } : { toDepartment: department, ...(dealerId ? { toDealerId: dealerId } : {}) }),
        ...(text ? { note: text } : {}),
      }, target);
      onClose();
    } catch (error) {
      // The server says why (e.g. the colleague went to Do Not Disturb); the list is read again to show it.
      const message = hubErrorMessage(error);
      setRefusal(message ?? t("transfer.failed"));
      if (message !== undefined) load(true);
      setBusy(false);
    }
  };

  const radio = (value: Choice, disabled: boolean, labelId: string, descriptionId: string) => (
    <input type="radio" name="transfer-target" value={value} checked={choice === value} disabled={disabled}
      aria-labelledby={labelId} aria-describedby={descriptionId} aria-invalid={invalid === "choice" ? "true" : undefined}
      onChange={() => { setChoice(value); setInvalid(undefined); }} />
  );

  return (
    <dialog ref={dialog} class="transfer-dialog" aria-labelledby="transfer-title" aria-describedby="transfer-intro"
      onCancel={(e) => { e.preventDefault(); onClose(); }} onClose={onClose}>
      {/* Tab wraps: past the last control it comes back to the top, and Shift+Tab from the top goes to the last. */}
      <span tabIndex={0} class="focus-sentinel" onFocus={() => closeButton.current?.focus()} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="transfer-title" ref={heading} tabIndex={-1}>{t("transfer.title", { name })}</h2>
        <p id="transfer-intro" class="muted transfer-intro">{t("transfer.intro")}</p>
        {refusal ? <p class="error-box" role="alert">{refusal}</p> : null}
        {invalid === "choice" ? <p class="field-error transfer-choose" role="alert">{t("transfer.chooseTarget")}</p> : null}

        {targets === undefined ? (
          <p class="muted" role="status">{t("transfer.loading")}</p>
        ) : targets === "failed" ? (
          <p class="field-error" role="alert">
            {t("transfer.loadFailed")}{" "}
            <button type="button" class="link-button" onClick={() => load(false)}>{t("transfer.retry")}</button>
          </p>
        ) : (
          <>
            <fieldset class="transfer-group">
              <legend>{t("transfer.colleagues")}</legend>
              {sorted.length === 0 ? <p class="muted transfer-empty">{t("transfer.noColleagues")}</p> : (
                <ul class="transfer-options">
                  {sorted.map((target) => {
                    const line = targetStatusLine(target);
                    const id = `transfer-agent-${target.agentId}`;
                    const disabled = target.unavailableReason !== null;
                    return (
                      <li key={target.agentId}>
                        <label class={`transfer-option${disabled ? " transfer-option-disabled" : ""}`}>
                          {radio(`agent:${target.agentId}`, disabled, `${id}-name`, `${id}-status`)}
                          <span class="transfer-option-text">
                            <span id={`${id}-name`} class="transfer-option-name">
                              {target.name}
                              {target.dealerId !== conversation.dealerId ? <span class="muted"> · {target.dealerName}</span> : null}
                            </span>
                            <span id={`${id}-status`} class="transfer-option-status">
                              <StatusDot status={target.status} />
                              {[line.status, line.reason].filter((k) => k !== undefined).map((k) => t(k)).join(" · ")}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
            </fieldset>
            {departments.length > 0 ? (
              <fieldset class="transfer-group">
                <legend>{t("transfer.departments")}</legend>
                <ul class="transfer-options transfer-departments">
                  {departments.map((option) => {
                    const { department, ready, dealer } = option;
                    const value = departmentValue(option);
                    const id = `transfer-department-${value.replace("@", "-")}`;
                    return (
                      <li key={value}>
                        <label class={`transfer-option${ready === 0 ? " transfer-option-disabled" : ""}`}>
                          {radio(`department:${value}`, ready === 0, `${id}-name`, `${id}-ready`)}
                          <span class="transfer-option-text">
                            <span id={`${id}-name`} class="transfer-option-name">
                              {t(departmentKey[department])}
                              {dealer ? <span class="muted"> · {dealer.name}</span> : null}
                            </span>
                            <span id={`${id}-ready`} class="transfer-option-status">
                              {ready === 0 ? t("transfer.departmentNobody") : t(pluralKey(locale, "transfer.departmentReady", ready), { count: ready })}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ) : null}
          </>
        )}

        <div class="field transfer-note">
          <label for="transfer-note">{t("transfer.note")}</label>
          <textarea id="transfer-note" rows={3} value={note} aria-describedby="transfer-note-hint"
            aria-invalid={invalid === "note" ? "true" : undefined}
            onInput={(e) => { setNote(e.currentTarget.value); if (invalid === "note") setInvalid(undefined); }} />
          <p id="transfer-note-hint" class={invalid === "note" ? "field-error" : "hint"}>
            {invalid === "note" ? t("transfer.noteTooLong", { max: maxNoteLength }) : t("transfer.noteHint")}
          </p>
        </div>

        <div class="transfer-actions">
          <button type="submit" class="button primary" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("transfer.submitting") : t("transfer.submit")}
          </button>
          <button ref={closeButton} type="button" class="button secondary" onClick={onClose}>{t("transfer.close")}</button>
        </div>
      </form>
      <span tabIndex={0} class="focus-sentinel" onFocus={() => heading.current?.focus()} />
    </dialog>
  );
}

const split = (choice: Choice): ["agent" | "department", string] => {
  const at = choice.indexOf(":");
  return [choice.slice(0, at) as "agent" | "department", choice.slice(at + 1)];
};

/** In the open chat: "Waiting for Jordan to accept…" with Cancel transfer, then how the transfer ended. */
export function TransferBar({ conversation }: { conversation: AgentConversationDto }) {
  const { t } = useI18n();
  const { of, cancel, dismiss } = useTransfers();
  const transfer = of(conversation.id);
  const pending = conversation.status === "Ended" ? undefined : transfer?.pending;
  const outcome = pending ? undefined : transfer?.outcome;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const targetText = (target: TransferTarget | undefined) =>
    target === undefined ? "" : "agentName" in target ? target.agentName : t(departmentKey[target.department]);

  // The button that had focus goes (Cancel transfer → Dismiss → nothing): focus goes back to Transfer, not to the page's end.
  const focusInside = useRef(false);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!focusInside.current || (active && active !== document.body)) return;
    focusInside.current = false;
    document.getElementById("transfer-button")?.focus();
  }, [pending, outcome]);
  const onFocusIn = () => {
    focusInside.current = true;
  };
  const onFocusOut = (event: FocusEvent) => {
    // Focus moved elsewhere on purpose; a null relatedTarget is focus lost with a removed button.
    if (event.relatedTarget) focusInside.current = false;
  };

  const cancelTransfer = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await cancel(conversation.id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  let text: string | null = null;
  if (pending) {
    text = "agentName" in pending.target
      ? t("transfer.waiting", { name: pending.target.agentName })
      : t("transfer.waitingDepartment", { department: t(departmentKey[pending.target.department]) });
  } else if (outcome) {
    const who = outcome.targetName ?? targetText(outcome.target);
    text = t(outcomeKey(outcome.outcome, outcome.targetName), { name: who });
  }
  const active = text !== null;
  return (
    <div class={`transfer-bar${active ? " transfer-bar-active" : ""}${outcome ? " transfer-bar-outcome" : ""}`} onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
      <p role="status" class="transfer-bar-text">
        {text}
        {outcome && outcome.outcome !== "ended" ? <> <span class="transfer-bar-stays">{t("transfer.staysWithYou")}</span></> : null}
      </p>
      {pending ? (
        <button key="cancel" type="button" class="button secondary" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && void cancelTransfer()}>
          {busy ? t("transfer.cancelling") : t("transfer.cancelTransfer")}
        </button>
      ) : outcome ? (
        <button key="dismiss" type="button" class="link-button" onClick={() => dismiss(conversation.id)}>{t("transfer.dismiss")}</button>
      ) : null}
      {failed && pending ? <p class="field-error transfer-bar-error" role="alert">{t("transfer.cancelFailed")}</p> : null}
    </div>
  );
}

/** Under the status card: which chat went to whom, once a colleague accepted it (the chat has left My chats). */
export function TransferNoticeLine() {
  const { t } = useI18n();
  const { notice } = useTransfers();
  return (
    <p role="status" class="transfer-notice">
      {notice ? (
        <span key={notice.key}>
          {t("transfer.notice", { name: notice.shopperName?.trim() || t("chat.shopper"), outcome: t("transfer.outcome.accepted", { name: notice.targetName }) })}
        </span>
      ) : null}
    </p>
  );
}
