import { test } from "node:test";
import assert from "node:assert/strict";
import { catalogs, pluralKey, resolveLocale, translator } from "../console/src/i18n/index.ts";
import { formatDateTime } from "../console/src/i18n/format.ts";
import { locales } from "../sdk/src/types.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every locale has a catalog with exactly the en-US keys, each translated, with the same placeholders", () => {
  const source = catalogs["en-US"];
  for (const locale of locales) {
    const catalog = catalogs[locale];
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(source).sort(), locale);
    for (const [key, text] of Object.entries(catalog)) {
      assert.ok(text.trim().length > 0, `${locale} ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(source[key as keyof typeof source]), `${locale} ${key}`);
    }
  }
});

test("Spanish and French catalogs are translated, not copies of English", () => {
  assert.notEqual(catalogs["es-US"]["signIn.title"], catalogs["en-US"]["signIn.title"]);
  assert.notEqual(catalogs["fr-CA"]["signIn.title"], catalogs["en-US"]["signIn.title"]);
});

test("the agent's locale wins, then the browser's language, then en-US", () => {
  assert.equal(resolveLocale("fr-CA", ["es-MX"]), "fr-CA");
  assert.equal(resolveLocale(undefined, ["es-MX", "en-US"]), "es-US");
  assert.equal(resolveLocale(undefined, ["fr"]), "fr-CA");
  assert.equal(resolveLocale(undefined, ["de-DE", "fr-FR"]), "fr-CA");
  assert.equal(resolveLocale(undefined, ["de-DE"]), "en-US");
  assert.equal(resolveLocale("pt-BR", []), "en-US");
});

test("lock-out message is singular for one minute and plural otherwise", () => {
  const t = translator("en-US");
  assert.equal(t(pluralKey("en-US", "signIn.lockedOut", 1), { minutes: 1 }),
    "Too many failed attempts. Your account is locked for 1 minute.");
  assert.equal(t(pluralKey("en-US", "signIn.lockedOut", 15), { minutes: 15 }),
    "Too many failed attempts. Your account is locked for 15 minutes.");
  assert.match(translator("es-US")(pluralKey("es-US", "signIn.lockedOut", 2), { minutes: 2 }), /2 minutos\.$/);
});

test("dates are shown in the agent's time zone and locale, not the machine's", () => {
  const instant = new Date("2025-01-15T18:30:00Z");
  assert.match(formatDateTime(instant, "en-US", "America/Chicago"), /Jan 15, 2025.*12:30\sPM/);
  assert.match(formatDateTime(instant, "fr-CA", "America/Toronto"), /15 janv\. 2025.*13 h 30/);
  assert.match(formatDateTime(instant, "en-US", "Not/AZone"), /6:30\sPM/, "unknown zone falls back to UTC");
});
