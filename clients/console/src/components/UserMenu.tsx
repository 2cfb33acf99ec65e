import { useEffect, useRef, useState } from "preact/hooks";
import { Avatar } from "./Avatar.tsx";

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/**
 * The agent's name as a menu button (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens
 * on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes and returns focus.
 */
export function UserMenu({ name, headshotUrl, items }: { name: string; headshotUrl: string | null; items: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openAt(0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openAt(items.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  const select = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  return (
    <div class="user-menu">
      <button
        ref={button}
        type="button"
        class="user-button"
        id="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="user-menu"
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <Avatar name={name} src={headshotUrl} />
        <span class="user-name">{name}</span>
        <span class="caret" aria-hidden="true" />
      </button>
      <ul ref={menu} id="user-menu" role="menu" aria-labelledby="user-menu-button" hidden={!open} onKeyDown={onMenuKey} class="menu">
        {items.map((item, index) => (
          <li role="none" key={item.label}>
            <button type="button" role="menuitem" tabIndex={index === active ? 0 : -1} onClick={() => select(item)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
