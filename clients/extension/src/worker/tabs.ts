// The console's tabs: Open focuses one (or opens the Chat Screen), and install/start injects the content script
// into those already open, so an open console detects the extension without reloading.
import { isConsoleUrl } from "../protocol.ts";

/** Console tabs of the server (tabs.query by URL needs only the host permission, not "tabs"). */
async function consoleTabs(server: string): Promise<chrome.tabs.Tab[]> {
  const tabs = await chrome.tabs.query({ url: `${server}/*` });
  return tabs.filter((tab) => isConsoleUrl(tab.url, server));
}

/** Focuses a console tab, on the Chat Screen, or opens one. */
export async function openChatScreen(server: string): Promise<void> {
  const chatScreen = `${server}/`;
  const [tab] = await consoleTabs(server);
  if (tab?.id !== undefined) {
    await chrome.tabs.update(tab.id, tab.url === chatScreen ? { active: true } : { active: true, url: chatScreen });
    await chrome.windows.update(tab.windowId, { focused: true });
    return;
  }
  // A new tab goes to a normal window: the focused window may be an offer pop-up.
  const [window] = await chrome.windows.getAll({ windowTypes: ["normal"] });
  if (window?.id !== undefined) {
    await chrome.tabs.create({ windowId: window.id, url: chatScreen, active: true });
    await chrome.windows.update(window.id, { focused: true });
  } else {
    await chrome.windows.create({ url: chatScreen, type: "normal", focused: true });
  }
}

/** Opens a page of the server in a new tab (the console's pairing page). */
export async function openServerPage(server: string, path: string): Promise<void> {
  const [window] = await chrome.windows.getAll({ windowTypes: ["normal"] });
  await chrome.tabs.create({ url: `${server}${path}`, active: true, ...(window?.id !== undefined ? { windowId: window.id } : {}) });
}

/** The content script, in console tabs that were open before the extension was installed or the browser started. */
export async function injectIntoOpenConsoles(server: string): Promise<void> {
  for (const tab of await consoleTabs(server)) {
    if (tab.id === undefined) continue;
    try {
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
    } catch (error) {
      // A tab still loading or showing an error page: its own load runs the manifest's content script.
      console.warn("Showroom: could not reach an open console tab", error);
    }
  }
}
