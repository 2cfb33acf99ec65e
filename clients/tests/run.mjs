// `npm test`: compiles tests/*.test.ts (and the pure modules they import) with esbuild, then runs node's test runner.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../node_modules/.cache/showroom-tests");
const tests = (await readdir(here)).filter((f) => f.endsWith(".test.ts")).sort();

await rm(out, { recursive: true, force: true });
await build({
  entryPoints: tests.map((f) => join(here, f)),
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "inline",
  jsx: "automatic",
  jsxImportSource: "preact",
  // Loaded from clients/node_modules if a test imports it; tests exercise pure logic only.
  external: ["@microsoft/signalr"],
  logLevel: "warning",
});

const run = spawnSync(process.execPath, ["--enable-source-maps", "--test", ...tests.map((f) => join(out, f.replace(/\.ts$/, ".mjs")))], { stdio: "inherit" });
process.exit(run.status ?? 1);
