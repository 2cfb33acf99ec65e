/**
 * The snippet dealers embed: <script src=".../app/widget/loader.js" data-widget-key="KEY" async></script>.
 * Kept tiny: it draws only the launcher; the chat itself (chat.js) loads on first click.
 */
import type { ChatModule } from "./contract.ts";

/** chat.js's URL relative to this file, with its content hash (set by build.mjs). */
declare const CHAT_FILE: string;

const script = document.currentScript as HTMLScriptElement | null;
const widgetKey = script?.dataset.widgetKey;

if (script && widgetKey && !document.querySelector("[data-showroom-widget]")) {
  const chatUrl = new URL(CHAT_FILE, script.src).href;
  const start = () => {
    const host = document.createElement("div");
    host.setAttribute("data-showroom-widget", "");
    const root = host.attachShadow({ mode: "open" });
    root.innerHTML =
      "<style>:host{all:initial}button{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:#0b5cad;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:grid;place-items:center}button:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px #0b5cad}section{position:fixed;right:20px;bottom:88px;z-index:2147483000}</style>" +
      '<button type="button" aria-label="Chat with us" aria-expanded="false"><svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button><section hidden></section>';
    const button = root.querySelector("button")!;
    const panel = root.querySelector("section")!;
    let chat: Promise<ChatModule> | undefined;

    const toggle = (open: boolean) => {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (!open) button.focus();
    };

    button.onclick = async () => {
      if (!panel.hidden) return toggle(false);
      chat ??= new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = chatUrl;
        tag.onload = () => (window.ShowroomChat ? resolve(window.ShowroomChat) : reject(new Error("chat.js")));
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
      try {
        const module = await chat;
        if (!panel.firstChild) module.mount(panel, { widgetKey, serverUrl: new URL(script.src).origin, close: () => toggle(false) });
        toggle(true);
      } catch {
        chat = undefined; // let the next click try again
      }
    };
    document.body.appendChild(host);
  };
  if (document.body) start();
  else addEventListener("DOMContentLoaded", start);
}
