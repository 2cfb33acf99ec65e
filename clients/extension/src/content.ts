// In the console's pages of the server (and nowhere else): tells the page the extension is here, and relays its
// pairing messages to the worker. Only the page's own window and origin are trusted; the token is never echoed back.
import { ask } from "./ask.ts";
import { parseConsoleMessage, type ExtensionMessage, type Outcome } from "./protocol.ts";

declare global {
  // eslint-disable-next-line no-var
  var showroomContentScript: boolean | undefined;
}

// The worker injects this into tabs already open at install; a page that loads then also gets the manifest's copy.
if (!globalThis.showroomContentScript) {
  globalThis.showroomContentScript = true;
  const version = chrome.runtime.getManifest().version;
  const post = (message: ExtensionMessage) => window.postMessage(message, location.origin);

  const hello = async () => {
    const { paired } = await ask<{ paired?: boolean }>({ type: "paired?" });
    post({ source: "showroom-extension", type: "hello", version, paired: paired === true });
  };

  window.addEventListener("message", (event) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const message = parseConsoleMessage(event.data);
    if (!message) return;
    void (async () => {
      switch (message.type) {
        case "ping":
          break;
        case "pair": {
          const outcome = await ask<Outcome>({ type: "pair", token: message.token });
          post({ source: "showroom-extension", type: "paired", ok: outcome.ok, ...(outcome.error ? { error: outcome.error } : {}) });
          break;
        }
        case "unpair":
          await ask({ type: "unpair" });
          break;
      }
      await hello();
    })();
  });

  document.documentElement.dataset.showroomExtension = version;
  void hello();
}
