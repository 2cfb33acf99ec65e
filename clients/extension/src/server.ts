/** The server this copy of the extension belongs to: server.json, written by Showroom into the download. */
export async function loadServer(): Promise<string | null> {
  try {
    const response = await fetch(chrome.runtime.getURL("server.json"));
    if (!response.ok) return null;
    const { server } = (await response.json()) as { server?: unknown };
    return typeof server === "string" ? new URL(server).origin : null;
  } catch {
    return null;
  }
}

