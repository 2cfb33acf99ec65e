import { useEffect, useState } from "preact/hooks";

/** The current time, renewed every `everyMs` (a clock on screen; not for measuring). */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
