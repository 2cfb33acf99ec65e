import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, fieldErrors } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import type { CannedResponse } from "./canned.ts";
import { deleteCanned, saveCanned, useCanned } from "./cannedStore.ts";

const shortcutErrors: Readonly<Record<string, MessageKey>> = {
  required: "canned.error.shortcutRequired",
  invalid: "canned.error.shortcutInvalid",
  taken: "canned.error.shortcutTaken",
};
const textErrors: Readonly<Record<string, MessageKey>> = { required: "canned.error.textRequired", too_long: "canned.error.textTooLong" };

/** A modal dialog to add, change and delete canned responses: personal ones, and the dealer's for Managers and Admins. */
export function CannedDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { me } = usePresence();
  const { list, failed } = useCanned(me.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const shortcutInput = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<CannedResponse | undefined>(undefined);
  const [shortcut, setShortcut] = useState("");
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [errors, setErrors] = useState<{ shortcut?: MessageKey; text?: MessageKey; other?: MessageKey }>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>("");
  const manager = me.role !== "Agent";

  useEffect(() => {
    dialog.current?.showModal();
    shortcutInput.current?.focus();
  }, []);

  const edit = (response: CannedResponse | undefined) => {
    setEditing(response);
    setShortcut(response?.shortcut ?? "");
    setText(response?.text ?? "");
    setOwner(response?.dealerId ?? "");
    setErrors({});
    shortcutInput.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved("");
    try {
      await saveCanned(editing?.id, { dealerId: owner || null, shortcut, text });
      setSaved(t("canned.saved", { shortcut: shortcut.trim() }));
      edit(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const s = fieldErrors(error, "shortcut")[0];
        const x = fieldErrors(error, "text")[0];
        setErrors({ shortcut: s ? shortcutErrors[s] ?? "error.notAccepted" : undefined, text: x ? textErrors[x] ?? "error.notAccepted" : undefined });
      } else {
        setErrors({ other: error instanceof ApiError && error.status === 403 ? "canned.error.forbidden" : "canned.error.failed" });
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (response: CannedResponse) => {
    try {
      await deleteCanned(response.id);
      setSaved(t("canned.deleted", { shortcut: response.shortcut }));
      if (editing?.id === response.id) edit(undefined);
    } catch {
      setErrors({ other: "canned.error.failed" });
    }
  };

  return (
    <dialog ref={dialog} class="dialog canned-dialog" aria-labelledby="canned-title" onClose={onClose}>
      <h2 id="canned-title">{t("canned.title")}</h2>
      <p class="hint">{t("canned.intro")}</p>
      {failed ? <p class="error-box" role="alert">{t("canned.loadFailed")}</p> : null}
      {list && list.length > 0 ? (
        <table class="canned-table">
          <thead>
            <tr><th scope="col">{t("canned.shortcut")}</th><th scope="col">{t("canned.text")}</th><th scope="col">{t("canned.owner")}</th><th scope="col"><span class="visually-hidden">{t("canned.actions")}</span></th></tr>
          </thead>
          <tbody>
            {list.map((response) => (
              <tr key={response.id}>
                <td class="canned-shortcut">/{response.shortcut}</td>
                <td class="canned-text-cell">{response.text}</td>
                <td>{response.dealerName ?? t("canned.personal")}</td>
                <td class="canned-actions">
                  {response.canEdit ? (
                    <>
                      <button type="button" class="link-button" aria-label={t("canned.editLabel", { shortcut: response.shortcut })} onClick={() => edit(response)}>{t("canned.edit")}</button>
                      {" "}
                      <button type="button" class="link-button" aria-label={t("canned.deleteLabel", { shortcut: response.shortcut })} onClick={() => void remove(response)}>{t("canned.delete")}</button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list ? <p class="muted">{t("canned.none")}</p> : null}
      <form class="canned-form" onSubmit={(e) => void submit(e)} noValidate>
        <h3>{editing ? t("canned.editing", { shortcut: editing.shortcut }) : t("canned.add")}</h3>
        <div class="field">
          <label for="canned-shortcut">{t("canned.shortcut")}</label>
          <input ref={shortcutInput} id="canned-shortcut" value={shortcut} maxLength={32} autocomplete="off" spellcheck={false}
            aria-describedby="canned-shortcut-hint canned-shortcut-error" aria-invalid={errors.shortcut ? "true" : undefined}
            onInput={(e) => setShortcut(e.currentTarget.value)} />
          <p id="canned-shortcut-hint" class="hint">{t("canned.shortcutHint")}</p>
          <p id="canned-shortcut-error" class="field-error">{errors.shortcut ? t(errors.shortcut) : ""}</p>
        </div>
        <div class="field">
          <label for="canned-text">{t("canned.text")}</label>
          <textarea id="canned-text" rows={3} value={text} aria-describedby="canned-text-error" aria-invalid={errors.text ? "true" : undefined}
            onInput={(e) => setText(e.currentTarget.value)} />
          <p id="canned-text-error" class="field-error">{errors.text ? t(errors.text) : ""}</p>
        </div>
        {manager && me.dealers.length > 0 && !editing ? (
          <div class="field">
            <label for="canned-owner">{t("canned.owner")}</label>
            <select id="canned-owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
              <option value="">{t("canned.personal")}</option>
              {me.dealers.map((d) => <option key={d.id} value={d.id}>{t("canned.everyoneAt", { dealer: d.name })}</option>)}
            </select>
          </div>
        ) : null}
        {errors.other ? <p class="field-error" role="alert">{t(errors.other)}</p> : null}
        <p class="success" role="status">{saved}</p>
        <div class="dialog-actions">
          <button type="submit" class="button primary" aria-disabled={busy ? "true" : undefined}>{editing ? t("canned.save") : t("canned.addButton")}</button>
          {editing ? <button type="button" class="button secondary" onClick={() => edit(undefined)}>{t("canned.cancelEdit")}</button> : null}
          <button type="button" class="button secondary" onClick={() => dialog.current?.close()}>{t("canned.close")}</button>
        </div>
      </form>
    </dialog>
  );
}
