import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { searchTimeZones } from "../profile/timeZoneSearch.ts";

interface Props {
  id: string;
  zones: readonly string[];
  value: string;
  onChange: (zone: string) => void;
  describedBy: string;
  invalid: boolean;
}

/**
 * A searchable time zone combobox (WAI-ARIA 1.2 combobox with a listbox popup): typing filters by
 * zone id or city, ArrowDown/ArrowUp move through the matches (aria-activedescendant keeps focus in
 * the input), Enter or a click chooses, Escape closes and restores the chosen zone.
 */
export function TimeZonePicker({ id, zones, value, onChange, describedBy, invalid }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const listId = `${id}-listbox`;
  const matches = useMemo(() => searchTimeZones(zones, query ?? ""), [zones, query]);

  const openList = (at: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(at, matches.length - 1)));
  };
  const close = () => {
    setOpen(false);
    setQuery(undefined);
  };
  const choose = (zone: string | undefined) => {
    if (zone) onChange(zone);
    close();
  };

  useEffect(() => {
    if (open) list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [open, active]);

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) openList(query === undefined ? matches.indexOf(value) : 0);
        else setActive(Math.min(active + 1, matches.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList(query === undefined ? matches.indexOf(value) : matches.length - 1);
        else setActive(Math.max(active - 1, 0));
        break;
      case "Home":
      case "End":
        if (open) {
          event.preventDefault();
          setActive(event.key === "Home" ? 0 : matches.length - 1);
        }
        break;
      case "Enter":
        // Choosing from the list must not submit the form.
        if (open) {
          event.preventDefault();
          choose(matches[active]);
        }
        break;
      case "Escape":
        if (open || query !== undefined) {
          event.preventDefault();
          close();
        }
        break;
    }
  };

  const expanded = open && matches.length > 0;
  return (
    <div class="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        required
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        value={query ?? value}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => (open ? undefined : openList(matches.indexOf(value)))}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <span class="combobox-caret" aria-hidden="true" />
      <ul ref={list} id={listId} role="listbox" class="combobox-list" hidden={!expanded} aria-labelledby={`${id}-label`}>
        {expanded
          ? matches.map((zone, index) => (
            <li
              key={zone}
              id={`${id}-option-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              class={zone === value ? "current" : undefined}
              // mousedown would blur the input (and close the list) before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(zone)}
            >
              {zone}
            </li>
          ))
          : null}
      </ul>
      {open && matches.length === 0 ? <p class="combobox-empty" role="status">{t("profile.timeZoneNoMatch", { query: query ?? "" })}</p> : null}
    </div>
  );
}
