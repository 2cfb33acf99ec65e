import { useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { useInternalChats } from "./InternalChatsContext.tsx";

/** The Team panel's "Message" action: opens the direct chat with the colleague on the Team chat page. */
export function MessageColleague({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const { messageColleague, connected } = useInternalChats();
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setFailed(false);
    try {
      await messageColleague(id);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" class="button secondary teammate-message" aria-label={t("team.messageLabel", { name })}
        aria-disabled={connected ? undefined : "true"} onClick={() => connected && void open()}>
        {t("team.message")}
      </button>
      {failed ? <p class="field-error teammate-message-error" role="alert">{t("team.messageFailed")}</p> : null}
    </>
  );
}
