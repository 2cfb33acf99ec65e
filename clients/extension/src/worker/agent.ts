// The worker's connection to the agent hub with the paired token, and what it knows: who, their status, the
// waiting offers. Everything it shows goes through publish() (the view) and syncSurfaces() (pop-ups, badge).
import {
  connectAgentHub, hubErrorMessage, type AgentHub, type AgentStatus, type HubMeDto, type HubState, type OfferClosedDto, type OfferDto,
} from "@showroom/sdk";
import { acceptRefusal, closedNotice, type WaitingOffer } from "../offers.ts";
import type { Outcome } from "../protocol.ts";
import { emptyView, readView, writeView, type ExtensionView } from "../view.ts";
import { clearNotification, syncSurfaces } from "./surfaces.ts";
import { openChatScreen } from "./tabs.ts";

/** How long a pop-up says why its offer left before it closes. */
const closingNoticeMs = 2_000;
const pairTimeoutMs = 15_000;
const tokenKey = "token";

export const signedOutNotice = "This browser was signed out of Showroom.";

export class AgentLink {
  #hub: AgentHub | undefined;
  #token: string | undefined;
  #me: HubMeDto | undefined;
  #state: ExtensionView["connection"] = "signed-out";
  /** Known only after a sync with the server in this worker's life: until then pop-ups are left as they are. */
  #synced = false;
  #signedOut: string | null = null;
  #started = false;
  readonly #offers = new Map<string, WaitingOffer>();
  readonly #closing: Record<string, string> = {};
  readonly #pairing = new Set<(outcome: Outcome) => void>();

  constructor(readonly server: string) {}

  get connected() {
    return this.#state === "connected" && this.#synced;
  }

  get paired() {
    return this.#token !== undefined;
  }

  get offers(): readonly WaitingOffer[] {
    return [...this.#offers.values()];
  }

  /** Connects with the stored token if there is one and no connection is up or under way. */
  async ensureConnected(): Promise<void> {
    if (!this.#started) {
      // A restarted worker: the "signed out" notice outlives it until the next pairing.
      this.#started = true;
      this.#signedOut = (await readView()).signedOut;
    }
    this.#token ??= (await chrome.storage.local.get(tokenKey))[tokenKey] as string | undefined;
    if (!this.#token) {
      this.#state = "signed-out";
      await this.#publish();
      return;
    }
    if (this.#hub) return;
    const hub = connectAgentHub({
      url: `${this.server}/hubs/agent`,
      accessTokenFactory: () => this.#token ?? "",
      onUnauthorized: () => void this.signOut(signedOutNotice),
      onStateChange: (state) => void this.#stateChanged(hub, state),
      handlers: {
        sessionEnded: () => void this.signOut(signedOutNotice),
        statusChanged: (status) => {
          if (this.#me && status.agentId === this.#me.id) {
            this.#me = { ...this.#me, status };
            void this.#publish();
          }
        },
        offerReceived: (offer) => void this.#received(offer),
        offerClosed: (closed) => void this.#closed(closed),
        notificationSettingsChanged: (settings) => {
          if (!this.#me) return;
          this.#me = { ...this.#me, notifications: settings };
          void this.#show();
        },
      },
    });
    this.#hub = hub;
    await hub.start();
  }

  /** The console handed over a fresh token: connect with it, and answer once the server took it (or refused it). */
  async pair(token: string): Promise<Outcome> {
    await this.#disconnect();
    this.#token = token;
    this.#signedOut = null;
    await chrome.storage.local.set({ [tokenKey]: token });
    const outcome = new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        this.#pairing.delete(done);
        resolve(o);
      };
      const timer = setTimeout(() => done({ ok: false, error: "Showroom could not be reached." }), pairTimeoutMs);
      this.#pairing.add(done);
    });
    void this.ensureConnected();
    const result = await outcome;
    if (!result.ok) await this.signOut(null);
    return result;
  }

  /** Forgets the token and everything the agent saw (revoked, refused, or unpaired by the console). */
  async signOut(notice: string | null): Promise<void> {
    const hadToken = this.#token !== undefined;
    this.#token = undefined;
    await chrome.storage.local.remove(tokenKey);
    await this.#disconnect();
    for (const done of [...this.#pairing]) done({ ok: false, error: "Showroom refused the sign-in." });
    this.#signedOut = hadToken ? notice : this.#signedOut;
    this.#state = "signed-out";
    await syncSurfaces([], false);
    await this.#publish();
  }

  async accept(offerId: string): Promise<Outcome> {
    const hub = this.#hub;
    if (!hub || !this.connected) return { ok: false, error: "Not connected to Showroom." };
    try {
      const result = await hub.acceptOffer(offerId);
      if (!result.accepted) {
        this.#offers.delete(offerId);
        this.#closing[offerId] = acceptRefusal(result.takenBy);
        await this.#closeSoon(offerId);
        return { ok: false, error: acceptRefusal(result.takenBy) };
      }
      this.#offers.delete(offerId);
      await this.#show();
      await openChatScreen(this.server);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: hubErrorMessage(error) ?? "The chat could not be accepted. Try again." };
    }
  }

  async decline(offerId: string): Promise<Outcome> {
    const hub = this.#hub;
    if (!hub || !this.connected) return { ok: false, error: "Not connected to Showroom." };
    try {
      await hub.declineOffer(offerId);
      this.#offers.delete(offerId);
      await this.#show();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: hubErrorMessage(error) ?? "The chat could not be declined. Try again." };
    }
  }

  async setStatus(status: AgentStatus): Promise<Outcome> {
    const hub = this.#hub;
    if (!hub || !this.connected || !this.#me) return { ok: false, error: "Not connected to Showroom." };
    try {
      this.#me = { ...this.#me, status: await hub.setStatus(status) };
      await this.#publish();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: hubErrorMessage(error) ?? "The status could not be changed. Try again." };
    }
  }

  async #disconnect(): Promise<void> {
    const hub = this.#hub;
    this.#hub = undefined;
    this.#me = undefined;
    this.#synced = false;
    this.#offers.clear();
    await hub?.stop();
  }

  async #stateChanged(hub: AgentHub, state: HubState): Promise<void> {
    if (hub !== this.#hub) return; // a connection this worker already let go
    this.#state = state;
    if (state === "connected") {
      await this.#sync(hub);
    } else {
      await this.#publish();
    }
  }

  /** After every (re)connect: who the agent is now, and the offers waiting now (missed ones while away included). */
  async #sync(hub: AgentHub): Promise<void> {
    const startedAt = Date.now();
    try {
      this.#me = await hub.me();
      const waiting = await hub.offers();
      const ids = new Set(waiting.map((o) => o.id));
      for (const [id, known] of this.#offers) {
        // An offer that arrived while Offers() was under way is not in its answer but is still waiting.
        if (!ids.has(id) && known.receivedAt < startedAt) this.#offers.delete(id);
      }
      for (const offer of waiting) {
        if (!this.#offers.has(offer.id)) this.#offers.set(offer.id, { offer, receivedAt: Date.now() });
      }
      this.#synced = true;
    } catch (error) {
      console.warn("Showroom: could not read the waiting offers", error);
      return;
    }
    for (const done of [...this.#pairing]) done({ ok: true });
    await this.#show();
  }

  async #received(offer: OfferDto): Promise<void> {
    this.#offers.set(offer.id, { offer, receivedAt: Date.now() });
    await this.#show();
  }

  async #closed(closed: OfferClosedDto): Promise<void> {
    if (!this.#offers.delete(closed.offerId)) return;
    const notice = closedNotice(closed);
    if (notice) {
      this.#closing[closed.offerId] = notice;
      await clearNotification(closed.offerId);
      await this.#closeSoon(closed.offerId);
    } else {
      await this.#show();
    }
  }

  /** The pop-up says why for a moment, then closes. */
  async #closeSoon(offerId: string): Promise<void> {
    await this.#show();
    setTimeout(() => {
      delete this.#closing[offerId];
      void this.#show();
    }, closingNoticeMs);
  }

  async #show(): Promise<void> {
    await this.#publish();
    if (!this.#synced || !this.#me) return;
    await syncSurfaces(this.offers.map((w) => w.offer), this.#me.notifications.extension, Object.keys(this.#closing));
  }

  #publish(): Promise<void> {
    return writeView({
      ...emptyView,
      server: this.server,
      paired: this.paired,
      connection: this.#token ? this.#state : "signed-out",
      agent: this.#me ? { displayName: this.#me.displayName, status: this.#me.status.status } : null,
      offers: [...this.#offers.values()],
      closing: { ...this.#closing },
      signedOut: this.#signedOut,
    });
  }
}
