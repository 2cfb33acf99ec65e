/**
 * The demo dealer site's only script (a file, so the pages need no inline script): asks the server for
 * the demo dealer's widget key, then embeds the snippet exactly as a dealer would.
 */
void (async () => {
  const response = await fetch("/api/demo/site").catch(() => undefined);
  if (!response?.ok) {
    const note = document.createElement("p");
    note.className = "demo-note";
    note.textContent = "The chat widget appears here when the server runs with demo data (Development).";
    document.body.append(note);
    return;
  }
  const site = (await response.json()) as { widgetKey: string; dealerName: string };
  const snippet = document.createElement("script");
  snippet.src = "/app/widget/loader.js";
  snippet.async = true;
  snippet.dataset.widgetKey = site.widgetKey;
  document.body.append(snippet);
})();
