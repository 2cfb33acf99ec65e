// Bundles the clients into src/Showroom/wwwroot/app with esbuild (type checking is `tsc`, run before this).
// Writes wwwroot/app/.build-stamp last: MSBuild's ShowroomClientBuild target compares it with the sources.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { drawIcon } from "./extension/icons.mjs";

const clients = dirname(fileURLToPath(import.meta.url));
const out = join(clients, "../src/Showroom/wwwroot/app");
const started = performance.now();

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
  jsx: "automatic",
  jsxImportSource: "preact",
};

const hash = (bytes) => createHash("sha256").update(bytes).digest("base64url").slice(0, 12);

async function buildConsole() {
  const dir = join(out, "console");
  await build({
    ...common,
    entryPoints: { console: join(clients, "console/src/main.tsx") },
    outdir: dir,
    format: "esm",
    platform: "browser",
  });
  const js = await readFile(join(dir, "console.js"));
  const css = await readFile(join(dir, "console.css"));
  // The server caches bundles for a year: the query changes whenever the content does.
  const html = (await readFile(join(clients, "console/index.html"), "utf8"))
    .replace("%CONSOLE_JS_HASH%", hash(js))
    .replace("%CONSOLE_CSS_HASH%", hash(css));
  await writeFile(join(dir, "index.html"), html);
  // The service worker keeps one fixed URL (its registration names it), so it is not hashed: the server revalidates it.
  await build({
    ...common,
    entryPoints: { sw: join(clients, "console/src/sw.ts") },
    outdir: dir,
    format: "iife",
    platform: "browser",
  });
}

async function buildWidget() {
  const dir = join(out, "widget");
  // chat.js first: the loader embeds its hash, so a new chat.js is never served from a stale cache.
  await build({
    ...common,
    entryPoints: { chat: join(clients, "widget/src/chat.ts") },
    outdir: dir,
    format: "iife",
    globalName: "ShowroomChat",
  });
  const chatHash = hash(await readFile(join(dir, "chat.js")));
  await build({
    ...common,
    entryPoints: { loader: join(clients, "widget/src/loader.ts") },
    outdir: dir,
    format: "iife",
    define: { CHAT_FILE: JSON.stringify(`chat.js?v=${chatHash}`) },
  });
}

/** The demo dealer's site (Development only: its pages ask /api/demo/site for the widget key). */
async function buildDemo() {
  const dir = join(out, "demo");
  await cp(join(clients, "widget/demo"), dir, { recursive: true, filter: (file) => !file.endsWith(".ts") });
  await build({
    ...common,
    entryPoints: { site: join(clients, "widget/demo/site.ts") },
    outdir: dir,
    format: "iife",
  });
}

/** The Chrome extension: Showroom serves it as a zip, with manifest.json completed for the server (see ExtensionApi). */
async function buildExtension() {
  const dir = join(out, "extension");
  const src = join(clients, "extension");
  await Promise.all([
    // The worker and the pages are modules; a content script cannot be one.
    build({
      ...common,
      entryPoints: { background: join(src, "src/background.ts"), popup: join(src, "src/popup.ts"), offer: join(src, "src/offer.ts") },
      outdir: dir,
      format: "esm",
      platform: "browser",
    }),
    build({ ...common, entryPoints: { content: join(src, "src/content.ts") }, outdir: dir, format: "iife", platform: "browser" }),
  ]);
  for (const file of ["popup.html", "offer.html", "ui.css"]) await cp(join(src, file), join(dir, file));
  await mkdir(join(dir, "icons"), { recursive: true });
  for (const size of [16, 32, 48, 128]) await writeFile(join(dir, `icons/${size}.png`), drawIcon(size));
  const manifest = JSON.parse(await readFile(join(src, "manifest.json"), "utf8"));
  manifest.version = JSON.parse(await readFile(join(src, "package.json"), "utf8")).version;
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
}

// Start clean so no file of an older build lingers (and gets served).
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await Promise.all([buildConsole(), buildWidget(), buildDemo(), buildExtension()]);

const files = [
  "console/index.html", "console/console.js", "console/console.css", "console/sw.js",
  "widget/loader.js", "widget/chat.js",
  "extension/manifest.json", "extension/background.js", "extension/content.js", "extension/popup.js", "extension/offer.js",
  "extension/popup.html", "extension/offer.html", "extension/ui.css", "extension/icons/128.png",
];
const rows = await Promise.all(files.map(async (file) => {
  const bytes = await readFile(join(out, file));
  return `  ${file.padEnd(26)} ${kb(bytes.length).padStart(9)}  ${kb(gzipSync(bytes, { level: 9 }).length).padStart(9)} gzip`;
}));
console.log(`Built clients into ${relative(process.cwd(), out) || "."} in ${Math.round(performance.now() - started)} ms\n${rows.join("\n")}`);

// The widget's size budget (gzip): the loader is on every page of every dealer, the chat on first open.
const budgets = { "widget/loader.js": 5 * 1024, "widget/chat.js": 40 * 1024 };
let overBudget = false;
for (const [file, limit] of Object.entries(budgets)) {
  const size = gzipSync(await readFile(join(out, file)), { level: 9 }).length;
  const over = size > limit;
  overBudget ||= over;
  console.log(`  budget ${file.padEnd(19)} ${kb(size).padStart(9)} of ${kb(limit)} gzip${over ? "  OVER BUDGET" : ""}`);
}
if (overBudget) {
  console.error("The widget is over its size budget (see above).");
  process.exit(1);
}
// Last, and only for a good build: MSBuild rebuilds while the stamp is older than the sources.
await writeFile(join(out, ".build-stamp"), new Date().toISOString() + "\n");

function kb(n) {
  return `${(n / 1024).toFixed(1)} kB`;
}
