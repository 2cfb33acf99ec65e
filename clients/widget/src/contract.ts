/** What chat.js exposes to loader.js: loader.js loads it as a classic script, so no CORS is needed on the dealer's site. */

export interface ChatOptions {
  widgetKey: string;
  /** The Showroom server's origin (where loader.js came from). */
  serverUrl: string;
  /** The vehicle the page passed to Showroom.setVehicle, if any (read when the chat starts). */
  vehicle: () => unknown;
  /** Closes the panel and gives the focus back to the launcher. */
  close: () => void;
  /** Agent messages the shopper has not seen (the panel was closed): the launcher shows the count. */
  unread: (count: number) => void;
  /** The dealer's widget settings as the session brought them: the launcher redraws and keeps them. */
  settings: (settings: unknown) => void;
}

export interface Chat {
  /** The panel was opened: focus its first field, count messages as seen. */
  shown(): void;
  hidden(): void;
}

export interface ChatModule {
  mount(container: HTMLElement, options: ChatOptions): Chat;
}

/** chat.js is built as an IIFE assigned to this global. */
export const chatGlobal = "ShowroomChat";

/** localStorage key of a widget's visitor: { token, conversationId? }. */
export const storageKey = (widgetKey: string) => `showroom:${widgetKey}`;

export interface StoredVisitor {
  token?: string;
  /** Set while a conversation is open: the loader then loads the chat at once, to resume. */
  conversationId?: string;
}

export function readStored(widgetKey: string): StoredVisitor {
  try {
    return JSON.parse(localStorage.getItem(storageKey(widgetKey)) ?? "{}") as StoredVisitor;
  } catch {
    return {};
  }
}

export function writeStored(widgetKey: string, value: StoredVisitor): void {
  try {
    localStorage.setItem(storageKey(widgetKey), JSON.stringify(value));
  } catch {
    // Storage off (private mode, blocked): the chat works for this page only.
  }
}

/** localStorage key of the dealer's widget settings as last fetched: { at, settings }. */
const configKey = (widgetKey: string) => `showroom-config:${widgetKey}`;

export interface StoredConfig {
  /** When they were fetched (ms since the epoch). */
  at: number;
  settings: unknown;
}

export function readConfig(widgetKey: string): StoredConfig | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(configKey(widgetKey)) ?? "null") as StoredConfig | null;
    return typeof stored?.at === "number" ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function writeConfig(widgetKey: string, settings: unknown): void {
  try {
    localStorage.setItem(configKey(widgetKey), JSON.stringify({ at: Date.now(), settings }));
  } catch {
    // Storage off: the next page asks again.
  }
}

declare global {
  interface Window {
    ShowroomChat?: ChatModule;
    Showroom?: ShowroomApi;
  }
}

/** window.Showroom on the dealer's page. */
export interface ShowroomApi {
  setVehicle(vehicle: unknown): void;
  open(): void;
}
