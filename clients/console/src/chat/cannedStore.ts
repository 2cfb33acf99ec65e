import { useEffect, useState } from "preact/hooks";
import { apiFetch } from "@showroom/sdk";
import type { CannedResponse } from "./canned.ts";

export interface CannedInput {
  dealerId: string | null;
  shortcut: string;
  text: string;
}

/**
 * The agent's canned responses, read once and shared by every composer; saved changes read the list again.
 * Kept per agent: after a sign-out, the next agent in this page reads their own.
 */
let owner: string | undefined;
let list: CannedResponse[] | undefined;
let failed = false;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();
const tell = () => listeners.forEach((l) => l());

export function reloadCanned(): Promise<void> {
  const asked = owner;
  loading = apiFetch<CannedResponse[]>("/api/canned-responses").then(
    (answer) => {
      // An answer for the agent who signed out meanwhile is not the next agent's.
      if (asked !== owner) return;
      list = answer;
      failed = false;
    },
    () => { failed = true; },
  ).finally(() => { loading = undefined; tell(); });
  return loading;
}

export function useCanned(agentId: string): { list: CannedResponse[] | undefined; failed: boolean } {
  const [, setVersion] = useState(0);
  if (owner !== agentId) {
    owner = agentId;
    list = undefined;
    failed = false;
  }
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    if (list === undefined && loading === undefined) void reloadCanned();
    return () => listeners.delete(listener);
  }, []);
  return { list, failed };
}

export async function saveCanned(id: string | undefined, input: CannedInput): Promise<void> {
  const body = { dealerId: input.dealerId, shortcut: input.shortcut.trim(), text: input.text };
  if (id === undefined) await apiFetch("/api/canned-responses", { method: "POST", body });
  else await apiFetch(`/api/canned-responses/${encodeURIComponent(id)}`, { method: "PUT", body });
  await reloadCanned();
}

export async function deleteCanned(id: string): Promise<void> {
  await apiFetch(`/api/canned-responses/${encodeURIComponent(id)}`, { method: "DELETE" });
  await reloadCanned();
}
