import { useEffect, useState } from "preact/hooks";
import { ApiError, createCanned, deleteCanned, getCanned, updateCanned, type CannedResponseDto, type DealerDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { Field, ResultLine } from "./Form.tsx";
import { toFieldErrors, type FieldErrors } from "./fieldErrors.ts";

type Result = { ok: boolean; text: string } | undefined;

/** The dealer-wide canned responses of one dealer: add, edit, delete. */
export function CannedPage({ dealer }: { dealer: DealerDto }) {
  const { t } = useI18n();
  const [all, setAll] = useState<CannedResponseDto[] | "loading" | "failed">("loading");
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<Result>(undefined);
  const load = () => getCanned().then(setAll, () => setAll("failed"));
  useEffect(() => void load(), []);
  if (all === "loading") return <p role="status" class="muted">{t("app.loading")}</p>;
  if (all === "failed") return <p role="alert" class="error-box">{t("manage.loadFailed")}</p>;
  const mine = all.filter((c) => c.dealerId === dealer.id);
  const remove = async (c: CannedResponseDto) => {
    try {
      await deleteCanned(c.id);
      setResult({ ok: true, text: t("cannedAdmin.deleted", { shortcut: c.shortcut }) });
      void load();
    } catch {
      setResult({ ok: false, text: t("manage.failed") });
    }
  };
  return (
    <section aria-labelledby="canned-heading">
      <h2 id="canned-heading">{t("cannedAdmin.title", { dealer: dealer.name })}</h2>
      <ResultLine ok={result?.ok ?? true} text={result?.text} />
      {mine.length === 0 ? <p class="muted">{t("cannedAdmin.none")}</p> : (
        <ul class="canned-list">
          {mine.map((c) => (
            <li key={c.id} class="card">
              {editing === c.id ? (
                <CannedForm dealer={dealer} response={c} onDone={(text) => { setEditing(undefined); if (text) setResult({ ok: true, text }); void load(); }} />
              ) : (
                <>
                  <p class="canned-shortcut"><code>/{c.shortcut}</code></p>
                  <p class="canned-text">{c.text}</p>
                  {c.canEdit ? (
                    <div class="row-actions">
                      <button type="button" class="button secondary small" aria-label={t("cannedAdmin.editLabel", { shortcut: c.shortcut })}
                        onClick={() => setEditing(c.id)}>{t("cannedAdmin.edit")}</button>
                      <button type="button" class="button danger small" aria-label={t("cannedAdmin.deleteLabel", { shortcut: c.shortcut })}
                        onClick={() => void remove(c)}>{t("cannedAdmin.delete")}</button>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="card" role="group" aria-labelledby="canned-new-heading">
        <h3 id="canned-new-heading">{t("cannedAdmin.new")}</h3>
        <CannedForm key={mine.length} dealer={dealer} response={undefined} onDone={(text) => { if (text) setResult({ ok: true, text }); void load(); }} />
      </div>
    </section>
  );
}

function CannedForm({ dealer, response, onDone }: { dealer: DealerDto; response: CannedResponseDto | undefined; onDone: (text?: string) => void }) {
  const { t } = useI18n();
  const [shortcut, setShortcut] = useState(response?.shortcut ?? "");
  const [text, setText] = useState(response?.text ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const id = response ? `canned-${response.id}` : "canned-new";
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const body = { dealerId: dealer.id, shortcut: shortcut.trim(), text };
    try {
      const saved = response ? await updateCanned(response.id, body) : await createCanned(body);
      setErrors({});
      onDone(t(response ? "cannedAdmin.saved" : "cannedAdmin.added", { shortcut: saved.shortcut }));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : t("manage.failed") });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id={`${id}-shortcut`} label={t("cannedAdmin.shortcut")} required error={errors.shortcut} hint={t("cannedAdmin.shortcutHint")}>
        {(d, invalid) => <input id={`${id}-shortcut`} type="text" required maxLength={32} value={shortcut} spellcheck={false}
          onInput={(e) => setShortcut(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
      </Field>
      <Field id={`${id}-text`} label={t("cannedAdmin.text")} required error={errors.text}>
        {(d, invalid) => <textarea id={`${id}-text`} required rows={3} value={text}
          onInput={(e) => setText(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
      </Field>
      <div class="form-actions compact">
        <button type="submit" class="button primary small">{response ? t("manage.save") : t("cannedAdmin.add")}</button>
        {response ? <button type="button" class="button secondary small" onClick={() => onDone()}>{t("manage.cancel")}</button> : null}
        <ResultLine ok={result?.ok ?? true} text={result?.text} />
      </div>
    </form>
  );
}
