/** What chat.js exposes to loader.js: loader.js loads it as a classic script, so no CORS is needed on the dealer's site. */
export interface ChatOptions {
  widgetKey: string;
  /** The Showroom server's origin (where loader.js came from). */
  serverUrl: string;
  close: () => void;
}

export interface ChatModule {
  mount(container: HTMLElement, options: ChatOptions): void;
}

/** chat.js is built as an IIFE assigned to this global. */
export const chatGlobal = "ShowroomChat";

declare global {
  interface Window {
    ShowroomChat?: ChatModule;
  }
}
