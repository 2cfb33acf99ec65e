import type { Locale } from "@showroom/sdk";
import { enUS, type Catalog, type MessageKey } from "./en-US.ts";
import { esUS } from "./es-US.ts";
import { frCA } from "./fr-CA.ts";

export type { Catalog, MessageKey };

export const catalogs: Readonly<Record<Locale, Catalog>> = { "en-US": enUS, "es-US": esUS, "fr-CA": frCA };

/** The agent's own locale when signed in; else the browser's first language we speak; else en-US. */
export function resolveLocale(agentLocale: string | undefined, browserLanguages: readonly string[]): Locale {
  if (agentLocale !== undefined && agentLocale in catalogs) return agentLocale as Locale;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith("es")) return "es-US";
    if (lower.startsWith("fr")) return "fr-CA";
    if (lower.startsWith("en")) return "en-US";
  }
  return "en-US";
}

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** A translate function for one locale; {name} placeholders are replaced, numbers formatted for the locale. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
}

/** Picks "<key>.one" or "<key>.other" by the locale's plural rules. */
export function pluralKey<K extends string>(locale: Locale, base: K, count: number): `${K}.one` | `${K}.other` {
  return new Intl.PluralRules(locale).select(count) === "one" ? `${base}.one` : `${base}.other`;
}
