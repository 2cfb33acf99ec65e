import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

/**
 * A modal dialog (the native <dialog>: focus stays inside, Escape closes). Focus goes to its heading when
 * it opens and back to whatever had it when it closes.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    heading.current?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <dialog ref={dialog} class="manage-dialog" aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{title}</h2>
      {children}
    </dialog>
  );
}
