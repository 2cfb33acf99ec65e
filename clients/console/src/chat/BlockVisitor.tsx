import { useEffect, useRef, useState } from "preact/hooks";
import { apiFetch, ApiError, type AgentConversationDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";

const maxReason = 500;

/** "Block visitor": asks why (required), then blocks the shopper's visitor and address at the dealer; the chat ends. */
export function BlockVisitor({ conversation, name }: { conversation: AgentConversationDto; name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" class="button secondary" onClick={() => setOpen(true)}>{t("block.button")}</button>
      {open ? (
        <BlockDialog conversationId={conversation.id} name={name} onClose={() => {
          setOpen(false);
          requestAnimationFrame(() => button.current?.focus());
        }} />
      ) : null}
    </>
  );
}

function BlockDialog({ conversationId, name, onClose }: { conversationId: string; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const text = reason.trim();
    if (text.length === 0) {
      setError(t("block.reasonRequired"));
      document.getElementById("block-reason")?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch(`/api/conversations/${encodeURIComponent(conversationId)}/block`, { method: "POST", body: { reason: text } });
      // The server ends the chat; ConversationUpdated shows it ended.
      dialog.current?.close();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t("block.forbidden") : t("block.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} class="dialog block-dialog" aria-labelledby="block-title" aria-describedby="block-explain" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="block-title">{t("block.title", { name })}</h2>
        <p id="block-explain">{t("block.explain")}</p>
        <div class="field">
          <label for="block-reason">{t("block.reason")}<span class="required-mark" aria-hidden="true">*</span></label>
          <textarea id="block-reason" rows={3} maxLength={maxReason} value={reason} required aria-required="true"
            aria-invalid={error === t("block.reasonRequired") ? "true" : undefined} aria-describedby="block-error"
            onInput={(e) => {
              setReason(e.currentTarget.value);
              if (error === t("block.reasonRequired") && e.currentTarget.value.trim()) setError(undefined);
            }} />
          <p id="block-error" class="field-error" role="alert">{error ?? ""}</p>
        </div>
        <div class="dialog-actions">
          <button type="submit" class="button danger" aria-disabled={busy ? "true" : undefined}>{t("block.confirm")}</button>
          <button type="button" class="button secondary" onClick={() => dialog.current?.close()}>{t("block.cancel")}</button>
        </div>
      </form>
    </dialog>
  );
}
