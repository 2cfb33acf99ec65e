import type { OfferClosedDto, OfferDto } from "@showroom/sdk";

/**
 * An offer card: open (Accept and Decline), accepting (waiting for AcceptOffer's answer) or gone
 * (someone else took it: "Already taken by …" stays a few seconds, then the card goes).
 */
export interface OfferCard {
  offer: OfferDto;
  state: "open" | "accepting" | "gone";
  /** When gone: who took it (null: the chat ended or the offer expired). */
  takenBy?: string | null;
  /** The last Accept failed for this reason (the card stays open). */
  error?: string;
  /** The number of the push that brought it ("received"): a resync asked for before it cannot know it. */
  seq?: number;
}

export interface OfferState {
  /** Longest waiting first: the top card is the one to take next. */
  cards: readonly OfferCard[];
  /** Offers closed on this client: a resync answered before the close must not bring them back. */
  closed: ReadonlySet<string>;
}

export type OfferAction =
  | { type: "received"; offer: OfferDto; seq?: number }
  /** since: the number of the last push when the resync was asked for; open cards pushed after it stay. */
  | { type: "resynced"; offers: readonly OfferDto[]; since?: number }
  | { type: "closed"; closed: OfferClosedDto }
  | { type: "accepting"; id: string }
  | { type: "acceptFailed"; id: string; error: string }
  | { type: "taken"; id: string; takenBy: string | null }
  | { type: "removed"; id: string };

export const noOffers: OfferState = { cards: [], closed: new Set() };

const byWaiting = (a: OfferCard, b: OfferCard) =>
  Date.parse(a.offer.waitingSince) - Date.parse(b.offer.waitingSince) || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0);

const withClosed = (closed: ReadonlySet<string>, id: string) => new Set(closed).add(id);

/** The offer list's rules, pure so they are unit-tested: each offer once, closed ones never back from a stale resync. */
export function offersReducer(state: OfferState, action: OfferAction): OfferState {
  switch (action.type) {
    case "received": {
      // A new offer for an id closed before is a new round: it counts again.
      const closed = new Set(state.closed);
      closed.delete(action.offer.id);
      const others = state.cards.filter((c) => c.offer.id !== action.offer.id);
      const existing = state.cards.find((c) => c.offer.id === action.offer.id);
      const card: OfferCard = existing && existing.state !== "gone"
        ? { ...existing, offer: action.offer, seq: action.seq }
        : { offer: action.offer, state: "open", seq: action.seq };
      return { cards: [...others, card].sort(byWaiting), closed };
    }
    case "resynced": {
      // The server's list is the truth for open cards; a card being accepted or showing "Already taken" finishes first.
      const settling = state.cards.filter((c) => c.state !== "open");
      const settlingIds = new Set(settling.map((c) => c.offer.id));
      const fresh = new Map<string, OfferCard>();
      for (const offer of action.offers) {
        if (state.closed.has(offer.id) || settlingIds.has(offer.id)) continue;
        const existing = state.cards.find((c) => c.offer.id === offer.id);
        fresh.set(offer.id, { ...existing, offer, state: "open" });
      }
      // An offer pushed while the resync was on its way is newer than the server's answer: keep it.
      for (const card of state.cards) {
        if (card.state === "open" && action.since !== undefined && (card.seq ?? 0) > action.since && !fresh.has(card.offer.id)) {
          fresh.set(card.offer.id, card);
        }
      }
      return { cards: [...settling, ...fresh.values()].sort(byWaiting), closed: state.closed };
    }
    case "closed": {
      const { offerId, takenBy, reason } = action.closed;
      const closed = withClosed(state.closed, offerId);
      const card = state.cards.find((c) => c.offer.id === offerId);
      // The agent pressed Accept and someone was quicker: the card says so where the agent is looking.
      if (card?.state === "accepting" && reason !== "accepted") {
        return { cards: state.cards.map((c) => (c === card ? { offer: c.offer, state: "gone", takenBy: reason === "taken" ? takenBy : null } : c)), closed };
      }
      if (card?.state === "accepting") return { ...state, closed };
      return { cards: state.cards.filter((c) => c.offer.id !== offerId), closed };
    }
    case "accepting":
      return { ...state, cards: state.cards.map((c) => (c.offer.id === action.id && c.state === "open" ? { offer: c.offer, state: "accepting" } : c)) };
    case "acceptFailed":
      return { ...state, cards: state.cards.map((c) => (c.offer.id === action.id && c.state === "accepting" ? { offer: c.offer, state: "open", error: action.error } : c)) };
    case "taken":
      return {
        cards: state.cards.map((c) => (c.offer.id === action.id && c.state !== "gone" ? { offer: c.offer, state: "gone", takenBy: action.takenBy } : c)),
        closed: withClosed(state.closed, action.id),
      };
    case "removed":
      return { cards: state.cards.filter((c) => c.offer.id !== action.id), closed: withClosed(state.closed, action.id) };
  }
}

/** Offers still waiting for an answer: the tab title's count. */
export const waitingCount = (state: OfferState) => state.cards.filter((c) => c.state !== "gone").length;

/** "0:42", "12:05", "1:02:09": how long the shopper has waited, counting up. */
export function formatWaiting(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
