// What the worker shows its pages, kept in chrome.storage.session: the action popup and the offer pop-ups read it
// from there, so they render even while the worker restarts, and follow chrome.storage.onChanged.
import type { HubState, ShownStatus } from "@showroom/sdk";
import type { WaitingOffer } from "./offers.ts";

export interface ExtensionView {
  /** The Showroom server this copy was downloaded from (server.json); null for a build never downloaded. */
  server: string | null;
  paired: boolean;
  connection: HubState | "signed-out";
  agent: { displayName: string; status: ShownStatus } | null;
  offers: WaitingOffer[];
  /** Pop-ups about to close, with why ("Already taken by Jordan"). */
  closing: Record<string, string>;
  /** Why the extension signed out (the pairing was revoked), until it is paired again. */
  signedOut: string | null;
}

export const emptyView: ExtensionView = {
  server: null, paired: false, connection: "signed-out", agent: null, offers: [], closing: {}, signedOut: null,
};

const key = "view";

export async function readView(): Promise<ExtensionView> {
  const stored = (await chrome.storage.session.get(key))[key] as ExtensionView | undefined;
  return stored ?? emptyView;
}

export const writeView = (view: ExtensionView) => chrome.storage.session.set({ [key]: view });

/** Renders now and on every change of the view. */
export function followView(render: (view: ExtensionView) => void): void {
  void readView().then(render);
  chrome.storage.session.onChanged.addListener((changes) => {
    const change = changes[key];
    if (change) render((change.newValue as ExtensionView | undefined) ?? emptyView);
  });
}
