import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useReducer, useRef, useState } from "preact/hooks";
import { hubErrorMessage, type AgentConversationDto, type OfferClosedDto } from "@showroom/sdk";
import type { ConsoleHub } from "../useAgentHub.ts";
import { useChats } from "./ChatsContext.tsx";
import { noOffers, offersReducer, waitingCount, type OfferAction, type OfferCard } from "./offers.ts";
import { silentAlerts, type OfferAlerts } from "./offerAlerts.ts";

/** How long a card that someone else took keeps saying so before it goes. */
const goneShownMs = 4000;

/** Why a card left, for the polite status line: the shopper's name as the card showed it, and the reason. */
export interface OfferNotice {
  /** Changes with every notice, so the same words twice are announced twice. */
  key: number;
  shopperName: string | null;
  reason: OfferClosedDto["reason"];
  takenBy: string | null;
}

export interface Offers {
  /** Longest waiting first. */
  cards: readonly OfferCard[];
  /** Offers waiting for an answer (not the ones saying "Already taken"). */
  waiting: number;
  notice: OfferNotice | undefined;
  /** Resolves once answered: true when the chat is now this agent's and open; otherwise the card says who took it. */
  accept(id: string): Promise<boolean>;
  decline(id: string): void;
}

const OffersContext = createContext<Offers | undefined>(undefined);

export function useOffers(): Offers {
  const offers = useContext(OffersContext);
  if (!offers) throw new Error("useOffers needs an OffersProvider.");
  return offers;
}

/**
 * The chats offered to this agent: read from the hub at every (re)connection, then followed through OfferReceived
 * and OfferClosed. Accept asks the server, which lets exactly one agent win; the winner's chat opens here.
 */
export function OffersProvider({ hub, alerts = silentAlerts, children }: { hub: ConsoleHub; alerts?: OfferAlerts; children: ComponentChildren }) {
  const [state, dispatch] = useReducer(offersReducer, noOffers);
  const [notice, setNotice] = useState<OfferNotice | undefined>(undefined);
  const { adopt } = useChats();
  const latest = useRef(state);
  latest.current = state;
  const latestHub = useRef(hub);
  latestHub.current = hub;
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const goneTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  /**
   * Offers being accepted now, each with how to settle its Accept: a second Alt+A before the next render must not ask
   * twice, and the first of ConversationAssigned and AcceptOffer's answer to say "won" opens the chat.
   */
  const accepting = useRef(new Map<string, { settle?: (won: boolean) => void }>());

  const say = (card: OfferCard | undefined, reason: OfferClosedDto["reason"], takenBy: string | null) => {
    if (noticeTimer.current !== undefined) clearTimeout(noticeTimer.current);
    setNotice((n) => ({ key: (n?.key ?? 0) + 1, shopperName: card?.offer.shopperName ?? null, reason, takenBy }));
    noticeTimer.current = setTimeout(() => setNotice(undefined), 10_000);
  };

  /** Counts offers pushed to this client, so a resync knows which cards are newer than its answer. */
  const pushes = useRef(0);

  // At start and after every reconnection: offers made or closed while away were not pushed to this client.
  const connected = hub.state === "connected";
  useEffect(() => {
    if (!connected) return;
    const since = pushes.current;
    latestHub.current.offers().then((offers) => dispatch({ type: "resynced", offers, since }), () => undefined);
  }, [connected]);

  useEffect(
    () =>
      hub.onOffers({
        offerReceived: (offer) => {
          dispatch({ type: "received", offer, seq: ++pushes.current });
          alerts.offerArrived(offer);
        },
        offerClosed: (closed) => {
          const card = latest.current.cards.find((c) => c.offer.id === closed.offerId);
          dispatch({ type: "closed", closed });
          // This client's own Accept answers for itself; elsewhere the card goes, and the line says why.
          if (card && card.state !== "accepting" && !accepting.current.has(closed.offerId)) say(card, closed.reason, closed.takenBy);
        },
      }),
    [],
  );

  // The server tells every client of the agent about the won chat before AcceptOffer answers, and that answer can lag.
  useEffect(
    () =>
      hub.onChat({
        conversationAssigned: (conversation) => {
          const card = latest.current.cards.find((c) => c.offer.conversationId === conversation.id && accepting.current.has(c.offer.id));
          if (card) latestWon.current(card.offer.id, conversation);
        },
      }),
    [],
  );

  // A card saying "Already taken" goes after a few seconds.
  useEffect(() => {
    for (const card of state.cards) {
      if (card.state !== "gone" || goneTimers.current.has(card.offer.id)) continue;
      const id = card.offer.id;
      goneTimers.current.set(id, setTimeout(() => {
        goneTimers.current.delete(id);
        dispatch({ type: "removed", id });
      }, goneShownMs));
    }
  }, [state.cards]);

  useEffect(() => () => {
    for (const timer of goneTimers.current.values()) clearTimeout(timer);
    if (noticeTimer.current !== undefined) clearTimeout(noticeTimer.current);
  }, []);

  const waiting = waitingCount(state);
  const openIds = state.cards.filter((c) => c.state !== "gone").map((c) => c.offer.id);
  const openKey = openIds.join(",");
  useEffect(() => alerts.waitingChanged(openIds), [openKey]);
  // Signed out (or gone): nothing rings on.
  useEffect(() => () => alerts.waitingChanged([]), []);

  /** Opens the won chat and takes its card away, once, whichever news came first. */
  const won = (id: string, conversation: AgentConversationDto) => {
    const entry = accepting.current.get(id);
    const settle = entry?.settle;
    if (!entry || !settle) return;
    entry.settle = undefined;
    adopt(conversation);
    dispatch({ type: "removed", id });
    settle(true);
  };
  const latestWon = useRef(won);
  latestWon.current = won;

  const accept = (id: string): Promise<boolean> => {
    const card = latest.current.cards.find((c) => c.offer.id === id);
    if (card?.state !== "open" || accepting.current.has(id)) return Promise.resolve(false);
    const answer = new Promise<boolean>((resolve) => accepting.current.set(id, { settle: resolve }));
    dispatch({ type: "accepting", id });
    const lost = (action: OfferAction, notice?: () => void) => {
      const settle = accepting.current.get(id)?.settle;
      accepting.current.delete(id);
      // Already won through ConversationAssigned (the answer was cut off): nothing to undo.
      if (settle === undefined) return;
      dispatch(action);
      notice?.();
      settle(false);
    };
    latestHub.current.acceptOffer(id).then(
      (result) => {
        if (result.accepted && result.conversation) {
          won(id, result.conversation);
          accepting.current.delete(id);
        } else {
          lost({ type: "taken", id, takenBy: result.takenBy }, () => say(card, "taken", result.takenBy));
        }
      },
      // A refusal with a reason (e.g. the chat limit) is shown; a lost connection gets the generic line.
      (error: unknown) => lost({ type: "acceptFailed", id, error: hubErrorMessage(error) ?? "" }),
    );
    return answer;
  };

  const decline = (id: string) => {
    dispatch({ type: "removed", id });
    // Declining is only a courtesy to routing: if it did not reach the server, the offer times out; a resync shows the truth.
    latestHub.current.declineOffer(id).catch(() => undefined);
  };

  const value: Offers = { cards: state.cards, waiting, notice, accept, decline };
  return <OffersContext.Provider value={value}>{children}</OffersContext.Provider>;
}

/** "(2) Chat Screen – Showroom": the tab says how many offers wait, wherever the agent is in the console. */
export function useOffersTitle(title: string): string {
  const offers = useContext(OffersContext);
  return offers && offers.waiting > 0 ? `(${offers.waiting}) ${title}` : title;
}
