/**
 * The widget's settings and the colours drawn from them: one module for the widget's loader and chat and
 * the console's preview, so both draw the same thing. Pure: no DOM, no network (imported by the tiny loader).
 */

export type FieldRule = "Hidden" | "Optional" | "Required";
export type LauncherPosition = "Right" | "Left";

/** GET/PUT /api/dealers/{id}/settings/widget, and the widget's config and session. */
export interface WidgetSettings {
  /** #rrggbb */
  accentColor: string;
  /** Shown above the start form; "" shows the widget's own introduction. */
  greeting: string;
  launcherPosition: LauncherPosition;
  /** The default ("Chat with us") is shown in the shopper's language. */
  launcherLabel: string;
  nameField: FieldRule;
  emailField: FieldRule;
  phoneField: FieldRule;
  /** Shown above the lead form when no chat can start; "" shows nothing more. */
  offlineMessage: string;
}

export const defaultAccent = "#0b5cad";
export const defaultLauncherLabel = "Chat with us";
const dark = "#1b1f24";

export const defaultWidgetSettings: WidgetSettings = {
  accentColor: defaultAccent, greeting: "", launcherPosition: "Right", launcherLabel: defaultLauncherLabel,
  nameField: "Optional", emailField: "Optional", phoneField: "Optional", offlineMessage: "",
};

/** The colour in lower case when it is #rrggbb, else undefined (whatever a server or a person sent). */
export function validColor(value: unknown): string | undefined {
  return typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim().toLowerCase() : undefined;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** White or near-black, whichever reads better on the colour. */
export function textOn(color: string): string {
  return contrast(color, "#ffffff") >= contrast(color, dark) ? "#ffffff" : dark;
}

/** The colours the widget's CSS uses, as custom properties. */
export interface WidgetColors {
  "--accent": string;
  /** Text and icons on the accent. */
  "--on-accent": string;
  /** The accent where it is text or a border on white (outline buttons, links): near-black when the accent is too light. */
  "--accent-ink": string;
}

export function widgetColors(accentColor: unknown): WidgetColors {
  const accent = validColor(accentColor) ?? defaultAccent;
  return { "--accent": accent, "--on-accent": textOn(accent), "--accent-ink": contrast(accent, "#ffffff") >= 4.5 ? accent : dark };
}

/**
 * Settings as the widget may use them: anything missing or malformed is the default, text is text
 * (trimmed, cut to the server's limits), so a broken or stale answer never breaks the page.
 */
export function readWidgetSettings(value: unknown): WidgetSettings {
  const v = (value && typeof value === "object" ? value : {}) as Partial<Record<keyof WidgetSettings, unknown>>;
  const text = (x: unknown, max: number, fallback = "") => (typeof x === "string" ? x.trim().slice(0, max) : fallback);
  const rule = (x: unknown): FieldRule => (x === "Hidden" || x === "Required" ? x : "Optional");
  return {
    accentColor: validColor(v.accentColor) ?? defaultAccent,
    greeting: text(v.greeting, 200),
    launcherPosition: v.launcherPosition === "Left" ? "Left" : "Right",
    launcherLabel: text(v.launcherLabel, 40) || defaultLauncherLabel,
    nameField: rule(v.nameField),
    emailField: rule(v.emailField),
    phoneField: rule(v.phoneField),
    offlineMessage: text(v.offlineMessage, 500),
  };
}
