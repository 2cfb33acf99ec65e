// The toolbar button's popup: who is signed in, their status (and changing it), the waiting offers, the Chat Screen.
import { agentStatuses, type AgentStatus } from "@showroom/sdk";
import { button, el, fill } from "./dom.ts";
import { offerBody, shopperName, statusLabels } from "./offers.ts";
import { ask } from "./ask.ts";
import { followView, type ExtensionView } from "./view.ts";

const root = document.getElementById("root")!;
let error = "";
/** The latest view: an answer that comes after a change re-renders with it, never with the view it started from. */
let current: ExtensionView | undefined;
const rerender = () => current && render(current);

const connectionText: Partial<Record<ExtensionView["connection"], string>> = {
  connecting: "Connecting to Showroom…",
  reconnecting: "Reconnecting to Showroom…",
  disconnected: "Not connected to Showroom.",
};

function render(view: ExtensionView) {
  current = view;
  const heading = el("h1", {}, el("img", { attrs: { src: "icons/32.png", alt: "", width: "20", height: "20" } }), document.createTextNode("Showroom"));
  if (!view.server) {
    fill(root, heading, el("p", { text: "This copy of the extension was not downloaded from a Showroom server. Download it from your Showroom console (Install Extension)." }));
    return;
  }
  if (!view.paired) {
    fill(root, 
      heading,
      view.signedOut ? el("h2", { text: "Signed out" }) : null,
      view.signedOut ? el("p", { text: view.signedOut }) : null,
      el("p", { className: "strong", text: "Not signed in", attrs: { role: "status" } }),
      el("p", { className: "muted", text: "Sign in to get a pop-up window for every chat offered to you." }),
      button("Sign in with Showroom", () => void ask({ type: "sign-in" }).then(() => window.close()), "primary"),
    );
    return;
  }
  const agent = view.agent;
  const status = el("select", { attrs: { id: "status" } });
  for (const s of agentStatuses) status.append(el("option", { text: statusLabels[s], attrs: { value: s } }));
  if (agent && agent.status !== "Offline") status.value = agent.status;
  status.disabled = view.connection !== "connected";
  status.addEventListener("change", async () => {
    const outcome = await ask({ type: "set-status", status: status.value as AgentStatus });
    error = outcome.ok ? "" : outcome.error ?? "The status could not be changed.";
    rerender();
  });

  const offers = view.offers.filter((w) => !view.closing[w.offer.id]);
  const list = offers.length
    ? el("ul", { className: "offers", attrs: { "aria-label": "Waiting chats" } }, ...offers.map(({ offer }) => el("li", {},
      el("div", {}, el("strong", { text: shopperName(offer) }), el("span", { className: "muted", text: offerBody(offer) })),
      button("Accept", () => void ask({ type: "accept", offerId: offer.id }).then((o) => {
        error = o.ok ? "" : o.error ?? "";
        rerender();
      }), "primary small"))))
    : el("p", { className: "muted", text: "No chats waiting." });

  fill(root, 
    heading,
    agent ? el("p", {}, document.createTextNode("Signed in as "), el("strong", { text: agent.displayName })) : null,
    connectionText[view.connection] ? el("p", { className: "muted", text: connectionText[view.connection]!, attrs: { role: "status" } }) : null,
    el("div", { className: "field" }, el("label", { text: "Status", attrs: { for: "status" } }), status),
    error ? el("p", { className: "notice", text: error, attrs: { role: "alert" } }) : null,
    el("h2", { text: `Waiting chats (${offers.length})` }),
    list,
    button("Open Chat Screen", () => void ask({ type: "open" }).then(() => window.close())),
  );
}

followView(render);
void ask({ type: "wake" }); // a stopped worker starts and reconnects
