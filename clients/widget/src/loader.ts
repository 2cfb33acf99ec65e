/**
 * The snippet dealers embed: <script src=".../app/widget/loader.js" data-widget-key="KEY" async></script>.
 * Kept tiny: it draws only the launcher and opens no connection; the chat (chat.js) loads on the first
 * click, or at once when this visitor has a conversation open (to resume it, with its unread count).
 * The launcher's look (colour, side, label) comes from the dealer's widget settings, kept in localStorage:
 * the config is fetched only when none is kept or it is over an hour old (not on every page), and every
 * chat session brings them fresh.
 */
import { defaultLauncherLabel, readWidgetSettings, widgetColors } from "@showroom/sdk/widgetLook";
import { readConfig, readStored, writeConfig, type Chat, type ChatModule } from "./contract.ts";
import { browserLang, launcherLabel } from "./lang.ts";

const configMaxAgeMs = 3_600_000;
/** A first visit waits this long at most for the settings before drawing the default launcher. */
const configWaitMs = 3_000;

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
      ".launch{all:initial;position:fixed;right:20px;bottom:20px;height:52px;max-width:calc(100vw - 40px);box-sizing:border-box;padding:0 20px 0 16px;border-radius:26px;background:var(--accent);color:var(--on-accent);cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:flex;align-items:center;gap:8px;font:600 15px/1.2 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
      ".left .launch{right:auto;left:20px}.wait .launch{visibility:hidden}" +
      ".launch svg{flex:none}.label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
      ".launch:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px var(--accent)}" +
      ".badge{position:absolute;top:-6px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#c62828;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}" +
      "</style>" +
      '<div><button type="button" class="launch" aria-expanded="false"><svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg><span class="label"></span><span class="badge" hidden></span></button><section hidden></section></div>';
    const frame = root.querySelector("div")!;
    const button = root.querySelector("button")!;
    const [text, badge] = root.querySelectorAll("span");
    const panel = root.querySelector("section")!;
    let label = "";
    let unread = 0;
    const name = () => button.setAttribute("aria-label", unread ? `${label} (${unread})` : label);

    /** Colours as custom properties (the chat's CSS uses them too), the side, the label: always as text. */
    const apply = (settings: unknown) => {
      const s = readWidgetSettings(settings);
      for (const [property, value] of Object.entries(widgetColors(s.accentColor))) frame.style.setProperty(property, value);
      frame.className = s.launcherPosition === "Left" ? "left" : "";
      label = s.launcherLabel === defaultLauncherLabel ? launcherLabel[browserLang()] : s.launcherLabel;
      text!.textContent = label;
      name();
    };
    const kept = readConfig(widgetKey);
    apply(kept?.settings);
    if (!kept || Date.now() - kept.at > configMaxAgeMs) {
      // A first visit hides the launcher until its look is known, so it does not jump sides.
      if (!kept) frame.classList.add("wait");
      const shown = setTimeout(() => frame.classList.remove("wait"), configWaitMs);
      fetch(new URL(`/api/widget/${encodeURIComponent(widgetKey)}/config`, script.src), { credentials: "omit" })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((settings: unknown) => {
          writeConfig(widgetKey, settings);
          apply(settings);
        })
        .catch(() => {})
        .finally(() => {
          clearTimeout(shown);
          frame.classList.remove("wait");
        });
    }
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
            unread = count;
            badge!.hidden = count < 1;
            badge!.textContent = String(count);
            name();
          },
          settings: (settings) => {
            writeConfig(widgetKey, settings);
            apply(settings);
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
