import { useEffect, useRef, useState } from "preact/hooks";
import { apiFetch, ApiError, uploadFile, type Headshot, type Profile } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { checkHeadshotFile, headshotMessage, type Message } from "../profile/profileErrors.ts";
import { Avatar } from "./Avatar.tsx";

const accept = "image/jpeg,image/png,image/webp";

interface Props {
  agentId: string;
  name: string;
  headshot: Headshot | null;
  onSaved: (profile: Profile) => void;
}

type Outcome = { error: Message } | { done: Message } | undefined;

/**
 * "Drag your image here.": a drop target that is also a button opening the file chooser. The file is
 * uploaded at once (with progress) and previewed from memory meanwhile; the server's answer then
 * replaces the preview, or the previous headshot comes back with the reason it was refused.
 */
export function HeadshotBox({ agentId, name, headshot, onSaved }: Props) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const dropzone = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<{ url: string; fileName: string; percent: number } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const say = (message: Message) => t(message.key, message.params);

  // A file dropped beside the box would make the browser leave the page to open it.
  useEffect(() => {
    const keep = (event: DragEvent) => event.preventDefault();
    addEventListener("dragover", keep);
    addEventListener("drop", keep);
    return () => {
      removeEventListener("dragover", keep);
      removeEventListener("drop", keep);
    };
  }, []);

  useEffect(() => () => {
    if (pending) URL.revokeObjectURL(pending.url);
  }, [pending?.url]);

  const upload = async (file: File | undefined) => {
    if (!file || busy) return;
    const refused = checkHeadshotFile(file);
    if (refused) {
      setOutcome({ error: refused });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    setPending({ url: URL.createObjectURL(file), fileName: file.name, percent: 0 });
    try {
      const profile = await uploadFile<Profile>(`/api/agents/${agentId}/headshot`, file, file.name, {
        onProgress: (sent, total) => setPending((p) => p && { ...p, percent: total > 0 ? sent / total : 0 }),
      });
      onSaved(profile);
      setOutcome({ done: { key: "headshot.uploaded" } });
    } catch (e) {
      setOutcome({ error: headshotMessage(e instanceof ApiError ? e : new ApiError(0, { title: String(e) })) });
    } finally {
      setPending(undefined);
      setBusy(false);
    }
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      onSaved(await apiFetch<Profile>(`/api/agents/${agentId}/headshot`, { method: "DELETE" }));
      setOutcome({ done: { key: "headshot.removed" } });
      // The remove button is gone: keep the keyboard in the box rather than at the top of the page.
      dropzone.current?.focus();
    } catch (e) {
      const error = e instanceof ApiError && e.status === 403 ? headshotMessage(e) : { key: "headshot.error.removeFailed" as const };
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  const onDrag = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer?.files[0]);
  };

  const previewUrl = pending?.url ?? headshot?.large;
  const fileName = pending?.fileName ?? headshot?.fileName;
  const percent = new Intl.NumberFormat(locale, { style: "percent" }).format(pending?.percent ?? 0);

  return (
    <section class="headshot" aria-labelledby="headshot-heading">
      <h2 id="headshot-heading" class="visually-hidden">{t("headshot.heading")}</h2>
      <button
        ref={dropzone}
        type="button"
        class={dragging ? "dropzone dragging" : "dropzone"}
        aria-describedby="headshot-hint headshot-error"
        aria-disabled={busy}
        onClick={() => busy || input.current?.click()}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span class="dropzone-icon" aria-hidden="true" />
        <span class="dropzone-title">{t("headshot.drop")}</span>
        <span class="dropzone-browse">{t("headshot.browse")}</span>
      </button>
      <p id="headshot-hint" class="hint">{t("headshot.hint")}</p>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          void upload(chosen);
        }}
      />

      <div class="headshot-current">
        {previewUrl
          ? <img class="avatar avatar-large" src={previewUrl} alt={t("headshot.preview")} width={111} height={111} />
          : <Avatar name={name} src={null} large />}
        <div class="headshot-file">
          {fileName ? <span id="headshot-file-name" class="file-name">{fileName}</span> : <span class="muted">{t("headshot.none")}</span>}
          {pending ? (
            <label class="upload-progress">
              <span>{t("headshot.uploading", { percent })}</span>
              <progress max={1} value={pending.percent} />
            </label>
          ) : headshot ? (
            <button type="button" class="link-button" onClick={remove} aria-disabled={busy} aria-describedby="headshot-file-name">
              {t("headshot.remove")}
            </button>
          ) : null}
        </div>
      </div>
      {/* Both regions stay in the DOM so screen readers announce what is put in them. */}
      <div>
        <p id="headshot-error" class="field-error" role="alert">{outcome && "error" in outcome ? say(outcome.error) : null}</p>
        <p class="success" role="status">{outcome && "done" in outcome ? say(outcome.done) : null}</p>
      </div>
    </section>
  );
}
