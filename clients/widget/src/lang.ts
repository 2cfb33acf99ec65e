/** The shopper's language: the browser's first of English, Spanish, French (English otherwise). */
export type Lang = "en" | "es" | "fr";

export function pickLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "en" || base === "es" || base === "fr") return base;
  }
  return "en";
}

export function browserLang(): Lang {
  return pickLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The launcher's name, in the loader (the chat's other text loads with chat.js). */
export const launcherLabel: Record<Lang, string> = {
  en: "Chat with us",
  es: "Chatea con nosotros",
  fr: "Clavardez avec nous",
};
