// The messages between the console page and the extension (window.postMessage, see the issue #9 contract),
// and between the extension's own parts (chrome.runtime.sendMessage).
import type { AgentStatus } from "@showroom/sdk";

/** Page -> extension. */
export type ConsoleMessage =
  | { source: "showroom-console"; type: "ping" }
  | { source: "showroom-console"; type: "pair"; token: string }
  | { source: "showroom-console"; type: "unpair" };

/** Extension -> page. */
export type ExtensionMessage =
  | { source: "showroom-extension"; type: "hello"; version: string; paired: boolean }
  | { source: "showroom-extension"; type: "paired"; ok: boolean; error?: string };

/** A page message the content script acts on, or null for anything else on the page's message channel. */
export function parseConsoleMessage(data: unknown): ConsoleMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.source !== "showroom-console") return null;
  switch (message.type) {
    case "ping":
    case "unpair":
      return { source: "showroom-console", type: message.type };
    case "pair":
      return typeof message.token === "string" && message.token.length > 0 && message.token.length <= 512
        ? { source: "showroom-console", type: "pair", token: message.token }
        : null;
    default:
      return null;
  }
}

/** The content script asks the worker (on behalf of the console page). */
export type ContentRequest = { type: "paired?" } | { type: "pair"; token: string } | { type: "unpair" };

/** The extension's pages (action popup, offer pop-up) ask the worker. */
export type PageRequest =
  | { type: "accept"; offerId: string }
  | { type: "decline"; offerId: string }
  | { type: "open" }
  | { type: "sign-in" }
  | { type: "set-status"; status: AgentStatus }
  | { type: "wake" };

export type WorkerRequest = ContentRequest | PageRequest;

/** The worker's answer to a request that can fail. */
export interface Outcome {
  ok: boolean;
  error?: string;
}

/** Pages of the server the console runs on (the content script's matches exclude the rest). */
export function isConsoleUrl(url: string | undefined, server: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.origin === server && !/^\/(app|api|hubs|media)\//.test(parsed.pathname);
}

