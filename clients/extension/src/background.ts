// The extension's service worker: the agent hub with the paired token, a pop-up window and a system notification for
// every offer, the badge. Listeners are registered first thing, as a restarted worker gets its waking event only then.
import { isConsoleUrl, type ContentRequest, type Outcome, type PageRequest, type WorkerRequest } from "./protocol.ts";
import { loadServer } from "./server.ts";
import { emptyView, writeView } from "./view.ts";
import { AgentLink, signedOutNotice } from "./worker/agent.ts";
import { offerIdOfNotification, windowClosed, windowOf } from "./worker/surfaces.ts";
import { injectIntoOpenConsoles, openChatScreen, openServerPage } from "./worker/tabs.ts";

const alarm = "reconnect";

const link: Promise<AgentLink | null> = loadServer().then(async (server) => {
  if (!server) {
    // Built but never downloaded from a Showroom server: nothing to connect to.
    await writeView(emptyView);
    return null;
  }
  return new AgentLink(server);
});

async function wake(): Promise<void> {
  const agent = await link;
  await agent?.ensureConnected();
}

chrome.runtime.onInstalled.addListener(() => void setUp());
chrome.runtime.onStartup.addListener(() => void setUp());
async function setUp(): Promise<void> {
  await keepAlarm();
  const agent = await link;
  if (agent) await injectIntoOpenConsoles(agent.server);
}

/** A stopped worker is started again by this alarm (Chrome 120+ allows every 30 s) and reconnects. */
async function keepAlarm(): Promise<void> {
  if (!(await chrome.alarms.get(alarm))) await chrome.alarms.create(alarm, { periodInMinutes: 0.5 });
}

chrome.alarms.onAlarm.addListener((fired) => {
  if (fired.name === alarm) void wake();
});

chrome.runtime.onMessage.addListener((message: WorkerRequest, sender, sendResponse) => {
  void answer(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
  return true; // answered asynchronously
});

/** Content scripts (in console tabs of the server) may only pair and ask; the extension's own pages may do the rest. */
async function answer(message: WorkerRequest, sender: chrome.runtime.MessageSender): Promise<unknown> {
  const agent = await link;
  if (!agent || sender.id !== chrome.runtime.id) return { ok: false, error: "Not a Showroom extension page." };
  if (sender.tab && !sender.url?.startsWith(chrome.runtime.getURL(""))) {
    if (!isConsoleUrl(sender.url, agent.server)) return { ok: false, error: "Not a Showroom console page." };
    return fromConsole(agent, message as ContentRequest);
  }
  return fromPage(agent, message as PageRequest);
}

async function fromConsole(agent: AgentLink, message: ContentRequest): Promise<unknown> {
  switch (message.type) {
    case "paired?":
      await agent.ensureConnected();
      return { paired: agent.paired };
    case "pair":
      return agent.pair(message.token);
    case "unpair":
      await agent.signOut(signedOutNotice);
      return { ok: true };
    default:
      return { ok: false, error: "Unknown request." };
  }
}

async function fromPage(agent: AgentLink, message: PageRequest): Promise<Outcome> {
  switch (message.type) {
    case "accept":
      return agent.accept(message.offerId);
    case "decline":
      return agent.decline(message.offerId);
    case "open":
      await openChatScreen(agent.server);
      return { ok: true };
    case "sign-in":
      await openServerPage(agent.server, "/extension");
      return { ok: true };
    case "set-status":
      return agent.setStatus(message.status);
    case "wake":
      await agent.ensureConnected();
      return { ok: true };
    default:
      return { ok: false, error: "Unknown request." };
  }
}

chrome.notifications.onButtonClicked.addListener((notificationId, button) => {
  const offerId = offerIdOfNotification(notificationId);
  if (!offerId) return;
  void link.then(async (agent) => {
    if (!agent) return;
    if (button === 0) {
      const outcome = await agent.accept(offerId);
      if (!outcome.ok) await focusPopUp(offerId); // the pop-up says why
    } else {
      await openChatScreen(agent.server);
    }
  });
});

chrome.notifications.onClicked.addListener((notificationId) => {
  const offerId = offerIdOfNotification(notificationId);
  if (offerId) void link.then((agent) => agent && openChatScreen(agent.server));
});

chrome.windows.onRemoved.addListener((windowId) => void windowClosed(windowId));

async function focusPopUp(offerId: string): Promise<void> {
  const windowId = await windowOf(offerId);
  if (windowId !== null) await chrome.windows.update(windowId, { focused: true }).catch(() => undefined);
}

void keepAlarm();
void wake();
