import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { OfferClosedDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { useNow } from "../useNow.ts";
import { useOffers, type OfferNotice } from "./OffersContext.tsx";
import { formatWaiting, type OfferCard } from "./offers.ts";
import { safeHttpUrl, vehicleSummary } from "./chats.ts";
import { departmentKey, shopperName, vehicleExtras } from "./labels.ts";
import { OfferAlertControls } from "./OfferAlertControls.tsx";
import { ofDealer } from "./waiting.ts";

export const acceptShortcut = "Alt+A";

const closedKey = {
  taken: "offers.closed.taken",
  accepted: "offers.closed.accepted",
  declined: "offers.closed.declined",
  "timed-out": "offers.closed.timedOut",
  ended: "offers.closed.ended",
  missed: "offers.closed.missed",
  cancelled: "offers.closed.cancelled",
} as const satisfies Readonly<Record<OfferClosedDto["reason"], MessageKey>>;

/** Alt+A, whatever the keyboard layout makes of the letter (on a Mac, Option+A types "å"). */
const isAcceptShortcut = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === "KeyA";

/**
 * "Incoming Chats": one card per offer, longest waiting first, with Accept and Decline. It comes first in the
 * main area so the top Accept is a Tab or two away, and Alt+A accepts it from anywhere on the Chat Screen.
 */
export function IncomingChats({ dealerId }: { dealerId?: string | undefined }) {
  const { t } = useI18n();
  const { cards: allCards, notice, accept, decline } = useOffers();
  const cards = ofDealer(allCards, dealerId, (c) => c.offer.dealerId);
  const now = useNow(1000);
  const list = useRef<HTMLUListElement>(null);
  /** Which card held the focus, so focus moves to a neighbour (not to the page's end) when that card goes. */
  const focusedIndex = useRef<number | undefined>(undefined);

  const acceptAndOpen = async (id: string) => {
    if (await accept(id)) {
      focusedIndex.current = undefined;
      // The accepted chat is open: the agent can greet the shopper at once.
      requestAnimationFrame(() => document.getElementById("composer-text")?.focus());
    }
  };

  const top = cards.find((c) => c.state === "open");
  const latestTop = useRef(top);
  latestTop.current = top;
  const latestAccept = useRef(acceptAndOpen);
  latestAccept.current = acceptAndOpen;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isAcceptShortcut(event) || !latestTop.current) return;
      event.preventDefault();
      void latestAccept.current(latestTop.current.offer.id);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  useLayoutEffect(() => {
    const index = focusedIndex.current;
    const active = document.activeElement;
    if (index === undefined || (active && active !== document.body && document.contains(active))) return;
    const items = [...(list.current?.children ?? [])];
    const item = items[Math.min(index, items.length - 1)];
    const target = item?.querySelector<HTMLElement>("button:not([aria-disabled]), [tabindex='-1']") ?? document.getElementById("incoming-heading");
    target?.focus();
  }, [cards]);

  const onFocusIn = (event: FocusEvent) => {
    const items = [...(list.current?.children ?? [])];
    const index = items.findIndex((item) => item.contains(event.target as Node));
    focusedIndex.current = index >= 0 ? index : undefined;
  };
  const onFocusOut = (event: FocusEvent) => {
    // Focus moved elsewhere on purpose; a null relatedTarget is focus lost with a removed card.
    if (event.relatedTarget && !list.current?.contains(event.relatedTarget as Node)) focusedIndex.current = undefined;
  };

  return (
    <section class="incoming" aria-labelledby="incoming-heading">
      <div class="incoming-head">
        <h2 id="incoming-heading" tabIndex={-1}>{t("offers.title")}</h2>
        {cards.length > 0 ? <span class="incoming-count" aria-hidden="true">{cards.filter((c) => c.state !== "gone").length}</span> : null}
      </div>
      <p role="status" class="incoming-notice">{notice ? <NoticeText notice={notice} /> : null}</p>
      {cards.length === 0 ? (
        <p class="muted incoming-empty">{t("offers.none")}</p>
      ) : (
        <ul ref={list} class="offer-list" aria-labelledby="incoming-heading" onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
          {cards.map((card) => (
            <Offer key={card.offer.id} card={card} now={now} isTop={card === top}
              onAccept={() => void acceptAndOpen(card.offer.id)} onDecline={() => decline(card.offer.id)} />
          ))}
        </ul>
      )}
      {cards.length > 0 ? <p class="hint incoming-hint">{t("offers.hint", { shortcut: acceptShortcut })}</p> : null}
      <OfferAlertControls />
    </section>
  );
}

function NoticeText({ notice }: { notice: OfferNotice }) {
  const { t } = useI18n();
  const reason = notice.reason === "taken" && notice.takenBy === null
    ? t("offers.closed.unavailable")
    : t(closedKey[notice.reason], { name: notice.takenBy ?? "" });
  return <span key={notice.key}>{t("offers.notice", { name: notice.shopperName?.trim() || t("chat.shopper"), reason })}</span>;
}

function Offer({ card, now, isTop, onAccept, onDecline }: { card: OfferCard; now: Date; isTop: boolean; onAccept: () => void; onDecline: () => void }) {
  const { t, locale } = useI18n();
  const { offer } = card;
  const name = shopperName(offer, t);
  const summary = vehicleSummary(offer.vehicle);
  const extras = vehicleExtras(offer.vehicle, t, locale);
  const pageUrl = safeHttpUrl(offer.pageUrl);
  const pageText = offer.pageTitle?.trim() || offer.pageUrl;
  const nameId = `offer-${offer.id}-name`;
  const waited = formatWaiting(now.getTime() - Date.parse(offer.waitingSince));
  const accepting = card.state === "accepting";
  return (
    <li class={`offer-card${card.state === "gone" ? " offer-card-gone" : ""}`} aria-labelledby={nameId}>
      <div class="offer-top">
        <h3 id={nameId} class="offer-name">{name}</h3>
        {offer.returningShopper ? <span class="tag">{t("chat.returning")}</span> : null}
        <span class="offer-waiting">{t("offers.waiting", { time: waited })}</span>
      </div>
      {/* Right after the name in the tab order, shown in the card's right column. */}
      {card.state === "gone" ? (
        <p class="offer-gone" tabIndex={-1}>
          {card.takenBy ? t("offers.closed.taken", { name: card.takenBy }) : t("offers.closed.unavailable")}
        </p>
      ) : (
        <div class="offer-actions">
          <button type="button" class="button primary" aria-label={t("offers.acceptLabel", { name })}
            title={isTop ? t("offers.acceptTitle", { shortcut: acceptShortcut }) : undefined}
            aria-keyshortcuts={isTop ? acceptShortcut : undefined}
            aria-disabled={accepting ? "true" : undefined} onClick={() => !accepting && onAccept()}>
            {accepting ? t("offers.accepting") : t("offers.accept")}
          </button>
          <button type="button" class="button secondary" aria-label={t("offers.declineLabel", { name })}
            aria-disabled={accepting ? "true" : undefined} onClick={() => !accepting && onDecline()}>
            {t("offers.decline")}
          </button>
        </div>
      )}
      <div class="offer-body">
        {card.error !== undefined && card.state === "open" ? <p class="field-error" role="alert">{card.error || t("offers.acceptFailed")}</p> : null}
        {offer.kind === "Transfer" ? (
          <p class="offer-transfer">
            <strong>{t("offers.transfer", { name: offer.fromAgentName?.trim() || t("offers.anotherAgent") })}</strong>
            {offer.note?.trim() ? <span class="offer-note">{t("offers.note", { note: offer.note.trim() })}</span> : null}
          </p>
        ) : null}
        <p class="offer-line">{offer.dealerName} · {t(departmentKey[offer.department])}</p>
        {summary || extras.length > 0 ? (
          <p class="offer-line offer-vehicle">
            {summary ? <strong>{summary}</strong> : null}
            {extras.length > 0 ? <span class="muted">{(summary ? " · " : "") + extras.join(" · ")}</span> : null}
          </p>
        ) : null}
        {pageText ? (
          <p class="offer-line offer-page">
            {pageUrl ? <a href={pageUrl} target="_blank" rel="noopener noreferrer">{pageText}</a> : pageText}
          </p>
        ) : null}
      </div>
    </li>
  );
}
