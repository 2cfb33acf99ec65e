/**
 * The snippet dealers embed: <script src=".../app/widget/loader.js" data-widget-key="KEY" async></script>.
 * Kept tiny: it draws only the launcher and opens no connection; the chat (chat.js) loads on the first
 * click, or at once when this visitor has a conversation open (to resume it, with its unread count).
 */
import { readStored, type Chat, type ChatModule } from "./contract.ts";
import { browserLang, launcherLabel } from "./lang.ts";

/** chat.js's URL relative to this file, with its content hash (set by build.mjs). */
declare const CHAT_FILE: string;

const script = document.currentScript as HTMLScriptElement | null;
const widgetKey = script?.dataset.widgetKey;

if (script && widgetKey && !document.querySelector("showroom-chat")) {
  const chatUrl = new URL(CHAT_FILE, script.src).href;
  let vehicle: unknown;
  let wantOpen = false;
  let open = (): void => void (wantOpen = true);
  window.Showroom = { setVehicle: (v) => void (vehicle = v), open: () => open() };

  const start = () => {
    // A custom element: a page's `div { display: none }` cannot reach it, and :host resets everything else.
    const host = document.createElement("showroom-chat");
    const root = host.attachShadow({ mode: "open" });
    root.innerHTML =
      "<style>:host{all:initial!important;display:block!important}" +
      ".launch{all:initial;position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;background:#0b5cad;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:grid;place-items:center}" +
      ".launch:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px #0b5cad}" +
      ".badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#c62828;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}" +
      "</style>" +
      '<button type="button" class="launch" aria-expanded="false"><svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg><span class="badge" hidden></span></button><section hidden></section>';
    const button = root.querySelector("button")!;
    const badge = root.querySelector("span")!;
    const panel = root.querySelector("section")!;
    const label = launcherLabel[browserLang()];
    button.setAttribute("aria-label", label);
    button.title = label;
    let loading: Promise<ChatModule> | undefined;
    let chat: Chat | undefined;

    const toggle = (show: boolean) => {
      panel.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      if (show) chat?.shown();
      else {
        chat?.hidden();
        button.focus();
      }
    };

    const load = async () => {
      loading ??= new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = chatUrl;
        tag.onload = () => (window.ShowroomChat ? resolve(window.ShowroomChat) : reject(new Error("chat.js")));
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
      try {
        const module = await loading;
        chat ??= module.mount(panel, {
          widgetKey,
          serverUrl: new URL(script.src).origin,
          vehicle: () => vehicle,
          close: () => toggle(false),
          unread: (count) => {
            badge.hidden = count < 1;
            badge.textContent = String(count);
            button.setAttribute("aria-label", count ? `${label} (${count})` : label);
          },
        });
        return true;
      } catch {
        loading = undefined; // let the next click try again
        return false;
      }
    };

    open = async () => {
      if ((await load()) && panel.hidden) toggle(true);
    };
    button.onclick = () => (panel.hidden ? open() : toggle(false));
    document.body.appendChild(host);
    if (wantOpen) void open();
    else if (readStored(widgetKey).conversationId) void load();
  };
  if (document.body) start();
  else addEventListener("DOMContentLoaded", start);
}
