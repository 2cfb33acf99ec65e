import { useEffect, useState } from "preact/hooks";
import { hubErrorMessage, type NoteDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime, formatTime } from "../i18n/format.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { useInternalChats } from "../internal/InternalChatsContext.tsx";
import { mergeNotes } from "../internal/internal.ts";
import { newClientMessageId } from "./chats.ts";

interface PendingNote {
  clientNoteId: string;
  text: string;
  error?: string;
}

/** The most characters a note may have (as a message). */
const maxNoteLength = 4000;

/**
 * Private notes of the open chat: agents only. They go through AddNote, never SendMessage, and are drawn apart
 * from the messages (another colour, a lock, "Private note" for screen readers) so nobody takes one for a reply.
 */
export function NotesPanel({ conversationId, disabled }: { conversationId: string; disabled: boolean }) {
  const { t, locale } = useI18n();
  const { me } = usePresence();
  const { connected, loadNotes, addNote, onNoteAdded } = useInternalChats();
  const [notes, setNotes] = useState<NoteDto[]>([]);
  const [pending, setPending] = useState<PendingNote[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [text, setText] = useState("");
  const [tooLong, setTooLong] = useState(false);

  useEffect(() => onNoteAdded((note) => {
    if (note.conversationId !== conversationId) return;
    setNotes((known) => mergeNotes(known, [note]));
    setPending((all) => all.filter((p) => p.clientNoteId !== note.clientNoteId));
  }), [conversationId]);

  const deliver = async (note: PendingNote) => {
    try {
      const stored = await addNote(conversationId, note.clientNoteId, note.text);
      setNotes((known) => mergeNotes(known, [stored]));
      setPending((all) => all.filter((p) => p.clientNoteId !== note.clientNoteId));
    } catch (error) {
      const refused = hubErrorMessage(error);
      // Not connected: it stays pending and goes again, with the same id, after the reconnection.
      if (refused !== undefined) setPending((all) => all.map((p) => (p.clientNoteId === note.clientNoteId ? { ...p, error: refused } : p)));
    }
  };

  // At start and after every reconnection: notes added meanwhile, and notes still to send.
  useEffect(() => {
    if (!connected) return;
    let current = true;
    loadNotes(conversationId).then(
      (all) => {
        if (!current) return;
        setLoadFailed(false);
        setNotes((known) => mergeNotes(known, all));
      },
      () => current && setLoadFailed(true),
    );
    for (const note of pending) if (note.error === undefined) void deliver(note);
    return () => {
      current = false;
    };
  }, [conversationId, connected]);

  const submit = () => {
    const note = text.trim();
    if (note.length === 0) return;
    if (note.length > maxNoteLength) {
      setTooLong(true);
      return;
    }
    const added = { clientNoteId: newClientMessageId(), text: note };
    setPending((all) => [...all, added]);
    setText("");
    setTooLong(false);
    if (connected) void deliver(added);
  };

  return (
    <section class="notes" aria-labelledby="notes-heading">
      <div class="notes-head">
        <h3 id="notes-heading">{t("notes.title")}</h3>
        <p id="notes-private" class="notes-private"><Lock />{t("notes.private")}</p>
      </div>
      {loadFailed ? <p class="field-error" role="alert">{t("notes.loadFailed")}</p> : null}
      {notes.length + pending.length > 0 ? (
        <ol class="notes-list" aria-label={t("notes.title")}>
          {notes.map((note) => (
            <li key={note.id} class="note">
              <span class="note-meta">
                <span class="visually-hidden">{t("notes.one")}: </span>
                <span class="message-sender">{note.agentName}</span>{" "}
                <time dateTime={note.at} title={formatDateTime(note.at, locale, me.timeZone)}>{formatTime(note.at, locale, me.timeZone)}</time>
              </span>
              <p class="note-text">{note.text}</p>
            </li>
          ))}
          {pending.map((note) => (
            <li key={note.clientNoteId} class="note note-pending">
              <span class="note-meta">
                <span class="visually-hidden">{t("notes.one")}: </span>
                <span class="message-sender">{me.firstName}</span>{" "}
                {note.error ? <span class="message-state-failed">{t("chat.failed", { reason: note.error })}</span> : t("chat.pending")}
              </span>
              <p class="note-text">{note.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {disabled ? null : (
        <form class="note-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <label for="note-text" class="visually-hidden">{t("notes.label")}</label>
          <textarea
            id="note-text"
            rows={1}
            value={text}
            placeholder={t("notes.placeholder")}
            aria-describedby={tooLong ? "note-too-long notes-private" : "notes-private"}
            aria-invalid={tooLong ? "true" : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
              e.preventDefault();
              submit();
            }}
          />
          <button type="submit" class="button secondary">{t("notes.add")}</button>
          {tooLong ? <p id="note-too-long" class="field-error">{t("chat.tooLong", { max: maxNoteLength })}</p> : null}
        </form>
      )}
    </section>
  );
}

/** A padlock drawn in SVG: emoji fonts are not on every agent's machine. */
function Lock() {
  return (
    <svg class="notes-lock" aria-hidden="true" width="12" height="14" viewBox="0 0 12 14">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.5" />
      <rect x="1" y="6" width="10" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}
