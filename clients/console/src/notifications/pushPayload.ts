import { offerTag } from "./rules.ts";

/** What the service worker does with a Web Push message (see the issue #9 contract). */
export type PushAction =
  | {
      kind: "show";
      title: string;
      options: { body: string; tag: string; data: { url: string }; requireInteraction: true };
    }
  | { kind: "close"; tag: string };

/**
 * Reads a push payload: "offer" shows a notification tagged by its offer (replacing the console's own pop-up for
 * it), "offer-closed" closes it. Anything malformed is ignored. The click opens only a path of this origin.
 */
export function pushAction(data: unknown): PushAction | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.offerId !== "string" || d.offerId.length === 0 || d.offerId.length > 64) return undefined;
  const tag = offerTag(d.offerId);
  if (d.type === "offer-closed") return { kind: "close", tag };
  if (d.type !== "offer") return undefined;
  const title = typeof d.title === "string" && d.title.trim() ? d.title.slice(0, 200) : "Showroom";
  const body = typeof d.body === "string" ? d.body.slice(0, 500) : "";
  return { kind: "show", title, options: { body, tag, data: { url: safePath(d.url) }, requireInteraction: true } };
}

/** A path on this origin ("/..." but not "//host" or "/\host"), else the Chat Screen. */
export function safePath(url: unknown): string {
  return typeof url === "string" && /^\/(?![/\\])/.test(url) && url.length <= 2000 ? url : "/";
}

/** The server's public key (base64url of the 65-byte P-256 point) as PushManager.subscribe takes it. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Whether a subscription was made with this key (a server whose key changed needs a fresh subscription). */
export function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a) return false;
  const x = new Uint8Array(a);
  return x.length === b.length && x.every((byte, i) => byte === b[i]);
}
