import type { OfferDto } from "@showroom/sdk";
import { offerTag, type OfferAlertRules } from "../notifications/rules.ts";

/** Told of every new offer and of which offers still wait (not the ones saying "Already taken"). */
export interface OfferAlerts {
  offerArrived(offer: OfferDto): void;
  waitingChanged(openIds: readonly string[]): void;
}

export const silentAlerts: OfferAlerts = {
  offerArrived: () => undefined,
  waitingChanged: () => undefined,
};

/** The chime repeats this often while any offer waits. */
export const ringEveryMs = 3000;

/**
 * What the sound control shows: "off" (the agent turned it off, or is Do Not Disturb), "blocked" (the browser holds audio until the
 * page is clicked: "Click to enable sound"), "ringing" (offers wait), "ready" (nothing waits).
 */
export type SoundState = "off" | "unavailable" | "blocked" | "ringing" | "ready";

export function soundState(soundOn: boolean, audio: AudioContextState | "unavailable", waiting: number): SoundState {
  if (!soundOn) return "off";
  if (audio === "unavailable") return "unavailable";
  if (audio !== "running") return "blocked";
  return waiting > 0 ? "ringing" : "ready";
}

export type NotificationState = "unsupported" | NotificationPermission;

export interface AlertsView {
  sound: SoundState;
  notifications: NotificationState;
}

/** The words of a browser notification, in the agent's language (the console sets them). */
export type Describe = (offer: OfferDto) => { title: string; body: string };

/**
 * Ringing and browser notifications for offers, as the agent's notification settings and status allow (setRules).
 * A two-tone chime made with the Web Audio API repeats every 3 s while any offer waits; browsers start an
 * AudioContext "suspended" until the page is used, so the first click or key anywhere (or the "Click to enable
 * sound" button) resumes it. A notification per new offer while the tab is hidden, closed when its offer goes;
 * tagged "offer-<id>" like the Web Push one, so the two replace each other. Permission is asked only from a click.
 */
export class OfferRinger implements OfferAlerts {
  #audio: AudioContext | undefined;
  #open: readonly string[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #rules: OfferAlertRules = { ring: true, popups: true };
  #notifications = new Map<string, Notification>();
  #listeners = new Set<() => void>();
  #describe: Describe = (offer) => ({ title: offer.shopperName ?? "Shopper", body: offer.dealerName });

  constructor() {
    if (typeof AudioContext === "function") {
      try {
        this.#audio = new AudioContext();
        this.#audio.addEventListener("statechange", () => this.#update());
      } catch {
        this.#audio = undefined;
      }
    }
    // Any click or key on the page is the gesture browsers wait for.
    const unlock = () => {
      if (this.#audio?.state === "suspended") void this.enableSound();
    };
    document.addEventListener("pointerdown", unlock, true);
    document.addEventListener("keydown", unlock, true);
  }

  get view(): AlertsView {
    const audio = this.#audio ? this.#audio.state : "unavailable";
    return {
      sound: soundState(this.#rules.ring, audio, this.#open.length),
      notifications: typeof Notification === "function" ? Notification.permission : "unsupported",
    };
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setDescribe(describe: Describe): void {
    this.#describe = describe;
  }

  /** The agent's settings and status: Do Not Disturb or a channel turned off stops it at once. */
  setRules(rules: OfferAlertRules): void {
    this.#rules = rules;
    if (!rules.popups) this.#closeAll();
    this.#update();
  }

  offerArrived(offer: OfferDto): void {
    if (!this.#rules.popups || !document.hidden || typeof Notification !== "function" || Notification.permission !== "granted") return;
    if (this.#notifications.has(offer.id)) return;
    try {
      const { title, body } = this.#describe(offer);
      const notification = new Notification(title, { body, tag: offerTag(offer.id) });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
      this.#notifications.set(offer.id, notification);
    } catch {
      // Some browsers allow notifications only from a service worker: the ringing and the tab title remain.
    }
  }

  waitingChanged(openIds: readonly string[]): void {
    const before = this.#open.length;
    this.#open = openIds;
    for (const [id, notification] of this.#notifications) {
      if (openIds.includes(id)) continue;
      notification.close();
      this.#notifications.delete(id);
    }
    if (before === 0 && openIds.length > 0) this.#chime();
    this.#update();
  }

  async enableSound(): Promise<void> {
    try {
      await this.#audio?.resume();
    } catch {
      // Still blocked: the button stays.
    }
    this.#update();
  }

  /** One short soft tone: a colleague's message in team chat (the caller checks the settings and status). */
  messageTone(): void {
    const audio = this.#audio;
    if (!audio || audio.state !== "running") return;
    tone(audio, 880, audio.currentTime + 0.02, 0.12);
  }

  async askNotifications(): Promise<void> {
    if (typeof Notification !== "function") return;
    try {
      await Notification.requestPermission();
    } finally {
      this.#update();
    }
  }

  /** Starts or stops the repeat, and tells the controls. */
  #update(): void {
    const ringing = this.view.sound === "ringing";
    if (ringing && this.#timer === undefined) this.#timer = setInterval(() => this.#chime(), ringEveryMs);
    if (!ringing && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    for (const listener of this.#listeners) listener();
  }

  /** Two short sine tones, E6 then C6, softly enveloped so they do not click. */
  #chime(): void {
    const audio = this.#audio;
    if (!audio || audio.state !== "running" || !this.#rules.ring || this.#open.length === 0) return;
    const start = audio.currentTime + 0.02;
    [1318.5, 1046.5].forEach((frequency, i) => tone(audio, frequency, start + i * 0.18, 0.25));
  }

  #closeAll(): void {
    for (const notification of this.#notifications.values()) notification.close();
    this.#notifications.clear();
  }
}

/** A short sine tone, softly enveloped so it does not click. */
function tone(audio: AudioContext, frequency: number, at: number, volume: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(volume, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.001, at + 0.35);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + 0.4);
}
