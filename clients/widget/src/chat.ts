/** The shopper's chat panel, loaded by loader.js on the first click. A placeholder until the widget issue. */
import type { ChatOptions } from "./contract.ts";

const styles = `
.panel { width: min(360px, calc(100vw - 40px)); background: #fff; color: #1b1f24; border-radius: 12px;
  box-shadow: 0 12px 32px rgba(0,0,0,.25); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow: hidden; }
.head { display: flex; align-items: center; justify-content: space-between; background: #0b5cad; color: #fff; padding: 12px 16px; }
h2 { font-size: 16px; margin: 0; }
.close { background: transparent; color: #fff; border: 0; font-size: 22px; line-height: 1; cursor: pointer; padding: 0 4px; border-radius: 4px; }
.close:focus-visible { outline: 2px solid #fff; }
.body { padding: 24px 16px; text-align: center; color: #57606a; }
`;

export function mount(container: HTMLElement, options: ChatOptions): void {
  const style = document.createElement("style");
  style.textContent = styles;
  const panel = document.createElement("div");
  panel.className = "panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "showroom-chat-title");
  panel.innerHTML =
    '<div class="head"><h2 id="showroom-chat-title">Chat</h2><button type="button" class="close" aria-label="Close chat">×</button></div>' +
    '<div class="body"><p>Chat is coming soon.</p></div>';
  panel.querySelector<HTMLButtonElement>(".close")!.onclick = options.close;
  container.append(style, panel);
}
