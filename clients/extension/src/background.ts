/** The extension's service worker. A placeholder: notifications of offered chats come with their own issue. */
chrome.runtime.onInstalled.addListener((details) => {
  console.info(`Showroom Notifications ${chrome.runtime.getManifest().version}: ${details.reason}`);
});
