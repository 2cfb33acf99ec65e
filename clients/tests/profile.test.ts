import { test } from "node:test";
import assert from "node:assert/strict";
import { searchTimeZones, zoneCity } from "../console/src/profile/timeZoneSearch.ts";
import { initials, nameColor, nameHue } from "../console/src/avatarColor.ts";
import { checkHeadshotFile, headshotMessage, maxHeadshotBytes, profileFieldErrors } from "../console/src/profile/profileErrors.ts";
import { problemToError } from "../sdk/src/problem.ts";

const zones = ["Africa/Abidjan", "America/Argentina/Buenos_Aires", "America/Chicago", "America/Los_Angeles", "America/New_York",
  "America/North_Dakota/New_Salem", "Asia/Tokyo", "Europe/London", "UTC"];

test("time zones are found by city with spaces for underscores, by region, or by id, whatever the case", () => {
  assert.deepEqual(searchTimeZones(zones, "los angeles"), ["America/Los_Angeles"]);
  assert.deepEqual(searchTimeZones(zones, "Los_Angeles"), ["America/Los_Angeles"]);
  assert.deepEqual(searchTimeZones(zones, "america/chic"), ["America/Chicago"]);
  assert.deepEqual(searchTimeZones(zones, "  TOKYO "), ["Asia/Tokyo"]);
  assert.deepEqual(searchTimeZones(zones, "buenos aires"), ["America/Argentina/Buenos_Aires"]);
  assert.deepEqual(searchTimeZones(zones, "nowhere"), []);
  assert.deepEqual(searchTimeZones(zones, ""), zones);
});

test("zones whose city starts with the query come before those that only contain it", () => {
  assert.deepEqual(searchTimeZones(zones, "new"), ["America/New_York", "America/North_Dakota/New_Salem"]);
  assert.deepEqual(searchTimeZones(zones, "new s"), ["America/North_Dakota/New_Salem"]);
});

test("a zone's city is its last part, spaced", () => {
  assert.equal(zoneCity("America/Argentina/Buenos_Aires"), "Buenos Aires");
  assert.equal(zoneCity("UTC"), "UTC");
});

test("initials take the first and last names' first letters", () => {
  assert.equal(initials("Sam Carter"), "SC");
  assert.equal(initials("  maría  josé   lópez "), "ML");
  assert.equal(initials("Prince"), "P");
  assert.equal(initials("Émile Zola"), "ÉZ");
  assert.equal(initials("😀 Smile"), "😀S");
  assert.equal(initials(""), "");
});

test("a name always gets the same colour, names get different ones, and white text stays readable", () => {
  assert.equal(nameHue("Sam Carter"), nameHue("Sam Carter"));
  assert.equal(nameHue("Sam Carter"), nameHue(" sam carter "));
  const hues = new Set(["Sam Carter", "Jordan Lee", "Priya Patel", "Chris Nguyen", "Maria Lopez", "Alex Morgan"].map(nameHue));
  assert.ok(hues.size >= 5, `hues: ${[...hues].join(", ")}`);
  for (const hue of hues) assert.ok(hue >= 0 && hue < 360);
  assert.match(nameColor("Sam Carter"), /^hsl\(\d{1,3} 45% 30%\)$/);
  // The brightest hue (yellow) at 45% saturation, 30% lightness is rgb(111, 111, 42): contrast with white ≥ 4.5.
  for (let hue = 0; hue < 360; hue += 15) assert.ok(contrastWithWhite(hue, 0.45, 0.3) >= 4.5, `hue ${hue}`);
});

function contrastWithWhite(hue: number, s: number, l: number): number {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(8) + 0.0722 * channel(4);
  return 1.05 / (luminance + 0.05);
}

test("the server's field codes become messages per field, with the length limit", () => {
  const error = problemToError(400, "Bad Request", {
    title: "One or more validation errors occurred.",
    errors: { firstName: ["required"], email: ["taken"], currentPassword: ["password_wrong"], lastName: ["too_long"], timeZone: ["invalid"] },
  });
  assert.deepEqual(profileFieldErrors(error), {
    firstName: { key: "error.firstNameRequired" },
    lastName: { key: "error.tooLong", params: { max: 100 } },
    email: { key: "error.emailTaken" },
    currentPassword: { key: "error.passwordWrong" },
    timeZone: { key: "error.timeZoneInvalid" },
  });
});

test("files that cannot be a headshot are refused before uploading", () => {
  assert.deepEqual(checkHeadshotFile({ size: 0, type: "image/png" }), { key: "headshot.error.empty" });
  assert.deepEqual(checkHeadshotFile({ size: 10, type: "image/svg+xml" }), { key: "headshot.error.unsupportedType" });
  assert.deepEqual(checkHeadshotFile({ size: 10, type: "text/plain" }), { key: "headshot.error.unsupportedType" });
  assert.deepEqual(checkHeadshotFile({ size: maxHeadshotBytes + 1, type: "image/jpeg" }), { key: "headshot.error.tooLarge" });
  assert.equal(checkHeadshotFile({ size: maxHeadshotBytes, type: "image/webp" }), undefined);
  assert.equal(checkHeadshotFile({ size: 10, type: "" }), undefined, "unknown types are left to the server");
});

test("each refused upload has its own message", () => {
  const codes = ["headshot_empty", "headshot_toolarge", "headshot_unsupportedtype", "headshot_animated", "headshot_toomanypixels", "headshot_unreadable"];
  const keys = codes.map((code) => headshotMessage(problemToError(400, "", { title: "x", code })).key);
  assert.equal(new Set(keys).size, codes.length);
  assert.equal(headshotMessage(problemToError(413, "Payload Too Large", "")).key, "headshot.error.tooLarge");
  assert.equal(headshotMessage(problemToError(0, "", undefined)).key, "headshot.error.network");
});
