import { test } from "node:test";
import assert from "node:assert/strict";
import { contrast, defaultWidgetSettings, readWidgetSettings, textOn, validColor, widgetColors } from "../sdk/src/widgetLook.ts";

test("a colour is #rrggbb, trimmed and in lower case; anything else is refused", () => {
  assert.equal(validColor("#1A7F37"), "#1a7f37");
  assert.equal(validColor(" #0b5cad "), "#0b5cad");
  for (const bad of ["1a7f37", "#1a7f3", "#1a7f377", "#abc", "#gggggg", "red", "", "url(x)", "#1a7f37;background:red", null, 123, undefined]) {
    assert.equal(validColor(bad), undefined, String(bad));
  }
});

test("contrast follows WCAG: black on white is 21, a colour on itself is 1", () => {
  assert.equal(Math.round(contrast("#000000", "#ffffff")), 21);
  assert.equal(contrast("#0b5cad", "#0b5cad"), 1);
  assert.equal(contrast("#ffffff", "#000000"), contrast("#000000", "#ffffff"));
});

test("text on the accent is white on dark colours and near-black on light ones, whichever reads better", () => {
  assert.equal(textOn("#0b5cad"), "#ffffff");
  assert.equal(textOn("#000000"), "#ffffff");
  assert.equal(textOn("#7a1f1f"), "#ffffff");
  assert.equal(textOn("#ffd700"), "#1b1f24");
  assert.equal(textOn("#ffffff"), "#1b1f24");
  assert.equal(textOn("#7fffd4"), "#1b1f24");
  // Every colour of the cube, in steps: the better of the two never drops below 4:1 (the worst case is a mid tone).
  for (let r = 0; r < 256; r += 17) for (let g = 0; g < 256; g += 17) for (let b = 0; b < 256; b += 17) {
    const accent = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
    assert.ok(contrast(accent, textOn(accent)) >= 4, `${accent} stays readable`);
  }
});

test("the accent as text on white falls back to near-black when it is too light to read", () => {
  assert.deepEqual(widgetColors("#0B5CAD"), { "--accent": "#0b5cad", "--on-accent": "#ffffff", "--accent-ink": "#0b5cad" });
  assert.deepEqual(widgetColors("#ffd700"), { "--accent": "#ffd700", "--on-accent": "#1b1f24", "--accent-ink": "#1b1f24" });
  assert.equal(widgetColors("javascript:alert(1)")["--accent"], "#0b5cad");
});

test("settings from the server are read defensively: missing or malformed parts are the defaults", () => {
  assert.deepEqual(readWidgetSettings(undefined), defaultWidgetSettings);
  assert.deepEqual(readWidgetSettings("nonsense"), defaultWidgetSettings);
  const read = readWidgetSettings({
    accentColor: "blue", greeting: `  ${"g".repeat(300)}`, launcherPosition: "Top", launcherLabel: "  ", nameField: "Required",
    emailField: "Hidden", phoneField: "Sometimes", offlineMessage: 42,
  });
  assert.equal(read.accentColor, "#0b5cad");
  assert.equal(read.greeting.length, 200);
  assert.equal(read.launcherPosition, "Right");
  assert.equal(read.launcherLabel, "Chat with us");
  assert.deepEqual([read.nameField, read.emailField, read.phoneField], ["Required", "Hidden", "Optional"]);
  assert.equal(read.offlineMessage, "");
  assert.equal(readWidgetSettings({ launcherPosition: "Left", launcherLabel: "<b>Talk</b>" }).launcherLabel, "<b>Talk</b>");
});
