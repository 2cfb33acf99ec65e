import { useEffect, useState } from "preact/hooks";
import { apiFetch, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";

interface Block {
  id: string;
  dealerId: string;
  conversationId: string;
  shopperName: string | null;
  reason: string;
  blockedBy: string;
  blockedAt: string;
}

/** Managers: the shoppers blocked at their dealers, each with "Lift block". */
export function BlockedShoppers({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const [blocks, setBlocks] = useState<Block[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState("");

  const load = async () => {
    try {
      const lists = await Promise.all(me.dealers.map((d) => apiFetch<Block[]>(`/api/dealers/${d.id}/blocks`)));
      setBlocks(lists.flat().sort((a, b) => b.blockedAt.localeCompare(a.blockedAt)));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const lift = async (block: Block) => {
    try {
      await apiFetch(`/api/dealers/${block.dealerId}/blocks/${block.id}`, { method: "DELETE" });
      setNotice(t("blocks.lifted", { name: block.shopperName ?? t("chat.shopper") }));
      document.getElementById("blocked-heading")?.focus();
      await load();
    } catch {
      setFailed(true);
    }
  };

  const dealerName = (id: string) => me.dealers.find((d) => d.id === id)?.name ?? "";
  return (
    <section class="blocked" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading" tabIndex={-1}>{t("blocks.title")}</h2>
      <p role="status" class="success">{notice}</p>
      {failed ? <p class="error-box" role="alert">{t("blocks.failed")}</p> : null}
      {blocks && blocks.length === 0 ? <p class="muted">{t("blocks.none")}</p> : null}
      {blocks && blocks.length > 0 ? (
        <ul class="history-list" aria-labelledby="blocked-heading">
          {blocks.map((block) => {
            const name = block.shopperName ?? t("chat.shopper");
            return (
              <li key={block.id} class="history-item blocked-item">
                <strong>{name}</strong>
                <span class="history-meta">
                  {dealerName(block.dealerId)} · {t("blocks.by", { name: block.blockedBy, time: formatDateTime(block.blockedAt, locale, me.timeZone) })}
                </span>
                <span class="blocked-reason">{t("blocks.reason", { reason: block.reason })}</span>
                <button type="button" class="button secondary small" aria-label={t("blocks.liftLabel", { name })} onClick={() => void lift(block)}>
                  {t("blocks.lift")}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
