import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { agentStatuses, type AgentStatus } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { statusExplanationKey, statusNameKey } from "../presence/presence.ts";
import { StatusDot } from "./StatusDot.tsx";
import "../presence/presence.css";

/**
 * The agent's status in the header, always visible, as a menu button whose items are radio items
 * (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens on the current status, ArrowUp on the last;
 * arrows, Home and End move; Enter or Space chooses; Escape closes and returns focus.
 */
export function StatusMenu() {
  const { t } = useI18n();
  const { status, choose } = usePresence();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const shown = status?.status;
  const name = shown ? t(statusNameKey[shown]) : t("status.loading");
  const currentIndex = Math.max(0, agentStatuses.indexOf(shown as AgentStatus));

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // Layout effect: focus must move before the next key press, or a quick second ArrowDown lands on the button.
  useLayoutEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]")[active]?.focus();
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
      openAt(currentIndex);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openAt(agentStatuses.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const last = agentStatuses.length - 1;
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

  const select = (chosen: AgentStatus) => {
    close(true);
    void choose(chosen);
  };

  return (
    <div class="status-menu">
      <button
        ref={button}
        type="button"
        class="status-button"
        id="status-menu-button"
        aria-label={t("status.label", { status: name })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="status-menu"
        onClick={() => (open ? close(false) : openAt(currentIndex))}
        onKeyDown={onButtonKey}
      >
        <StatusDot status={shown} />
        <span class="status-name">{name}</span>
        <span class="caret" aria-hidden="true" />
      </button>
      <div class="status-popover" hidden={!open}>
        <p id="status-menu-title" class="status-popover-title">{t("status.menu")}</p>
        <div ref={menu} id="status-menu" role="menu" aria-labelledby="status-menu-title" onKeyDown={onMenuKey}>
        {agentStatuses.map((option, index) => (
          <button
            key={option}
            type="button"
            role="menuitemradio"
            aria-checked={option === shown}
            aria-labelledby={`status-option-${option}`}
            aria-describedby={`status-option-${option}-explanation`}
            tabIndex={index === active ? 0 : -1}
            class="status-option"
            onClick={() => select(option)}
          >
            <StatusDot status={option} />
            <span class="status-option-text">
              <span id={`status-option-${option}`} class="status-option-name">{t(statusNameKey[option])}</span>
              <span id={`status-option-${option}-explanation`} class="status-option-explanation">{t(statusExplanationKey[option])}</span>
            </span>
            <span class="status-check" aria-hidden="true">{option === shown ? "✓" : ""}</span>
          </button>
        ))}
        </div>
      </div>
    </div>
  );
}
