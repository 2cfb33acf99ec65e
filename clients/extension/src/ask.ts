import type { Outcome, WorkerRequest } from "./protocol.ts";

/** Sends a request to the worker (waking it if the browser stopped it). */
export function ask<T = Outcome>(request: WorkerRequest): Promise<T> {
  return chrome.runtime.sendMessage<WorkerRequest, T>(request);
}
