import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError } from "../sdk/src/problem.ts";
import { codeMessage, errorsUnder, lineErrors, linesToList, normalizePath, toFieldErrors } from "../console/src/manage/fieldErrors.ts";
import { addInterval, copyDayToAll, emptyWeek, hoursErrorsByCell, hoursRequest, removeInterval, setInterval, shortTime, weekFromHours } from "../console/src/manage/hours.ts";
import { embedSnippet, safeLink } from "../console/src/manage/snippet.ts";
import { compactJson } from "../console/src/manage/audit.ts";
import { chosenDealer } from "../console/src/manage/ManageLayout.tsx";
import { dealerRequest } from "../console/src/manage/DealerDetailsForm.tsx";

const problem = (errors: Record<string, string[]>) => new ApiError(400, { title: "Please check the form.", errors });

test("server field codes become messages keyed by the JSON path, nested and indexed ones too", () => {
  const errors = toFieldErrors(problem({
    "Address.City": ["too_long"], "websiteOrigins[1]": ["invalid"], "hours[2].closes": ["order"], name: ["taken"], x: ["something_new"],
  }));
  assert.deepEqual(errors["address.city"], { key: "form.error.tooLong", params: { max: 100 } });
  assert.deepEqual(errors["websiteOrigins[1]"], { key: "form.error.invalid" });
  assert.deepEqual(errors["hours[2].closes"], { key: "form.error.order" });
  assert.deepEqual(errors.name, { key: "form.error.taken" });
  assert.deepEqual(errors.x, { key: "form.error.invalid" }, "an unknown code still marks the field");
  assert.deepEqual(errorsUnder(errors, "address"), { city: { key: "form.error.tooLong", params: { max: 100 } } });
  assert.deepEqual(lineErrors(errors, "websiteOrigins"), [{ line: 2, message: { key: "form.error.invalid" } }]);
  assert.equal(normalizePath("Departments[0].OfferTimeoutSeconds"), "departments[0].offerTimeoutSeconds");
  assert.deepEqual(codeMessage("departments[1].name", "too_long"), { key: "form.error.tooLong", params: { max: 200 } });
});

test("Identity's password sentences are shown as they are, all of them", () => {
  const errors = toFieldErrors(problem({ password: ["Passwords must be at least 10 characters.", "Passwords must have at least one digit ('0'-'9')."] }));
  assert.equal(errors.password?.text, "Passwords must be at least 10 characters. Passwords must have at least one digit ('0'-'9').");
  assert.equal(toFieldErrors(problem({ newPassword: ["Passwords must have at least one lowercase ('a'-'z')."] })).newPassword?.text,
    "Passwords must have at least one lowercase ('a'-'z').");
});

test("website origins are one per line, blank lines and spaces dropped", () => {
  assert.deepEqual(linesToList(" https://a.example \r\n\n http://b.example:8080\n"), ["https://a.example", "http://b.example:8080"]);
});

test("hours: the server's times become the table's, midnight included, each day in order", () => {
  assert.equal(shortTime("09:00:00"), "09:00");
  assert.equal(shortTime("23:59:59.9999999"), "24:00");
  assert.equal(shortTime("24:00"), "24:00");
  const week = weekFromHours([
    { day: "Monday", opens: "13:00:00", closes: "17:30:00" },
    { day: "Monday", opens: "08:00:00", closes: "12:00:00" },
    { day: "Saturday", opens: "00:00:00", closes: "23:59:59.9999999" },
  ]);
  assert.deepEqual(week.Monday, [{ opens: "08:00", closes: "12:00" }, { opens: "13:00", closes: "17:30" }]);
  assert.deepEqual(week.Saturday, [{ opens: "00:00", closes: "24:00" }]);
  assert.deepEqual(week.Sunday, []);
});

test("hours: add, change, remove and copy intervals; the request lists them Monday first and maps errors back", () => {
  let week = addInterval(emptyWeek(), "Tuesday");
  assert.deepEqual(week.Tuesday, [{ opens: "09:00", closes: "17:00" }]);
  week = addInterval(week, "Tuesday");
  assert.deepEqual(week.Tuesday[1], { opens: "18:00", closes: "19:00" }, "a second interval starts an hour after the first closes");
  week = setInterval(week, "Tuesday", 1, { closes: "24:00" });
  week = addInterval(week, "Monday");
  const { hours, at } = hoursRequest(week);
  assert.deepEqual(hours.map((h) => `${h.day} ${h.opens}-${h.closes}`), ["Monday 09:00-17:00", "Tuesday 09:00-17:00", "Tuesday 18:00-24:00"]);
  assert.deepEqual(hoursErrorsByCell({ "hours[2].closes": "order", "hours[0].opens": "overlap", name: "x" }, at),
    { "Tuesday[1].closes": "order", "Monday[0].opens": "overlap" });
  week = removeInterval(week, "Tuesday", 0);
  assert.deepEqual(week.Tuesday, [{ opens: "18:00", closes: "24:00" }]);
  const all = copyDayToAll(week, "Tuesday");
  for (const day of ["Monday", "Wednesday", "Sunday"] as const) assert.deepEqual(all[day], [{ opens: "18:00", closes: "24:00" }]);
  assert.notEqual(all.Monday[0], all.Tuesday[0], "copies, not shared objects");
});

test("the embed snippet names the loader and the attribute it reads, escaped", () => {
  assert.equal(embedSnippet("https://chat.example.com/", "abc123"),
    '<script src="https://chat.example.com/app/widget/loader.js" data-widget-key="abc123" async></script>');
  assert.equal(embedSnippet("http://127.0.0.1:5000", 'a"><b'),
    '<script src="http://127.0.0.1:5000/app/widget/loader.js" data-widget-key="a&quot;&gt;&lt;b" async></script>');
});

test("links from the server are shown only when http(s)", () => {
  assert.equal(safeLink("https://showroom.example/invite/abc"), "https://showroom.example/invite/abc");
  assert.equal(safeLink("javascript:alert(1)"), undefined);
  assert.equal(safeLink("data:text/html,x"), undefined);
  assert.equal(safeLink("not a url"), undefined);
  assert.equal(safeLink(null), undefined);
});

test("audit before/after is one line of JSON text, cut when long", () => {
  assert.equal(compactJson({ name: "<b>A</b>", origins: ["https://a"] }), '{"name":"<b>A</b>","origins":["https://a"]}');
  assert.equal(compactJson({ text: "x".repeat(500) }, 20).length, 20);
});

test("the dealer in ?dealer= is chosen when the agent has it, else the first", () => {
  const dealers = [{ id: "A1" }, { id: "b2" }] as never[];
  assert.equal((chosenDealer(dealers, "?dealer=B2") as { id: string }).id, "b2");
  assert.equal((chosenDealer(dealers, "?dealer=zzz") as { id: string }).id, "A1");
  assert.equal(chosenDealer([], ""), undefined);
});

test("a dealer's form: an address of blanks is no address; origins from lines; an empty lead email is null", () => {
  const request = dealerRequest({
    name: " Motors ", groupId: "g", timeZone: "America/Chicago",
    address: { street: "", city: " ", region: "", postalCode: "", country: "" }, origins: "https://a.example\n\n", leadEmail: " ",
  });
  assert.deepEqual(request, { name: "Motors", groupId: "g", timeZone: "America/Chicago", address: null, websiteOrigins: ["https://a.example"], leadEmail: null });
  assert.deepEqual(dealerRequest({ name: "M", groupId: "g", timeZone: "UTC", address: { street: "1 Main", city: "Austin", region: "", postalCode: "", country: "" }, origins: "", leadEmail: "" }).address,
    { street: "1 Main", city: "Austin", region: "", postalCode: "", country: "" });
});

test("an audit update shows only what changed, by path", async () => {
  const { auditChanges } = await import("../console/src/manage/audit.ts");
  const before = { defaultChatLimit: 8, departments: [{ department: "Sales", offerTimeoutSeconds: 20 }, { department: "Service", offerTimeoutSeconds: 30 }] };
  const after = { defaultChatLimit: 8, departments: [{ department: "Sales", offerTimeoutSeconds: 45 }, { department: "Service", offerTimeoutSeconds: 30 }], leadEmail: "a@b.c" };
  assert.deepEqual(auditChanges(before, after), [
    { path: "departments[0].offerTimeoutSeconds", before: "20", after: "45" },
    { path: "leadEmail", before: "—", after: '"a@b.c"' },
  ]);
  assert.deepEqual(auditChanges({ origins: ["x"] }, { origins: [] }), [
    { path: "origins[0]", before: '"x"', after: "—" }, { path: "origins", before: "—", after: "[]" },
  ]);
});
