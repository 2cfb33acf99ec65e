// An offer's pop-up window (offer.html?id=…): who is waiting and for what, with Accept, Open and Decline.
import type { OfferDto } from "@showroom/sdk";
import { button, el, fill, waitingFor } from "./dom.ts";
import { offerBody, offerSubject, shopperName, transferLine } from "./offers.ts";
import { ask } from "./ask.ts";
import type { Outcome } from "./protocol.ts";
import { followView, type ExtensionView } from "./view.ts";

const offerId = new URLSearchParams(location.search).get("id") ?? "";
const root = document.getElementById("root")!;
let shown: OfferDto | undefined;
let notice = "";
let busy = false;
/** The offer still waits for this agent (not taken, not closing). */
let open = false;
let timer: ReturnType<typeof setInterval> | undefined;

function render(view: ExtensionView) {
  const waiting = view.offers.find((w) => w.offer.id === offerId)?.offer;
  shown = waiting ?? shown;
  const closing = view.closing[offerId];
  if (closing) notice = closing;
  else if (!waiting && shown && view.connection === "connected") notice ||= "This chat is no longer waiting";
  open = Boolean(waiting) && !closing;
  draw();
}

function draw() {
  clearInterval(timer);
  if (!shown) {
    fill(root, el("h1", { text: "Chat offer" }), el("p", { text: notice || "Loading…", attrs: { role: "status" } }));
    return;
  }
  const offer = shown;
  const name = shopperName(offer);
  const kind = offer.kind === "Transfer" ? "Transfer offer" : "Chat offer";
  document.title = `${kind}: ${name} – Showroom`;
  const waitingLine = el("p", { className: "muted", text: waitingFor(offer.waitingSince) });
  if (open) timer = setInterval(() => (waitingLine.textContent = waitingFor(offer.waitingSince)), 1000);
  const subject = offerSubject(offer);
  const transfer = transferLine(offer);
  const act = (request: () => Promise<Outcome>) => async () => {
    busy = true;
    draw();
    const outcome = await request();
    busy = false;
    if (!outcome.ok) {
      // Taken meanwhile, or the server said no: the buttons stay off while it closes.
      notice = outcome.error ?? "Something went wrong. Try again.";
      open = false;
    }
    draw();
  };
  const actions = el("div", { className: "actions" },
    button("Accept", act(() => ask({ type: "accept", offerId })), "primary"),
    button("Open", () => void ask({ type: "open" })),
    button("Decline", act(() => ask({ type: "decline", offerId }))),
  );
  for (const b of actions.querySelectorAll("button")) if (b.textContent !== "Open") b.disabled = busy || !open;
  fill(root, 
    el("p", { className: "kind", text: kind }),
    el("h1", { text: name }),
    el("p", { text: [offer.dealerName, offer.department].join(" · ") }),
    subject ? el("p", { className: "subject", text: subject, attrs: { title: offerBody(offer) } }) : null,
    transfer ? el("p", { className: "transfer", text: transfer }) : null,
    waitingLine,
    el("p", { className: notice ? "notice" : "notice empty", text: notice, attrs: { role: "status" } }),
    actions,
  );
}

followView(render);
