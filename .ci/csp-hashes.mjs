// Trunk post-build hook: fills the Content-Security-Policy in the staged
// index.html with the sha256 hash of every inline <script> Trunk wrote (its
// wasm loader, and the live-reload script under `trunk serve`), so that the
// policy allows exactly those scripts and no 'unsafe-inline'.
// Fails the build if the placeholder is missing, so the page never ships
// without its policy.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("csp-hashes: TRUNK_STAGING_DIR is not set; run this as a Trunk post_build hook");
  process.exit(1);
}
const file = join(staging, "index.html");
const html = readFileSync(file, "utf8");
const placeholder = "INLINE_SCRIPT_HASHES";
if (!html.includes(placeholder)) {
  console.error(`csp-hashes: ${file} has no ${placeholder} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash("sha256").update(match[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
writeFileSync(file, html.replace(placeholder, hashes.join(" ")));
console.log(`csp-hashes: allowed ${hashes.length} inline script(s) in ${file}`);

// Then the service worker's file list, which must see the final index.html.
// (Trunk runs the hooks of one stage at the same time, so they are chained here.)
const { writeServiceWorkerAssets } = await import("./sw-assets.mjs");
writeServiceWorkerAssets(staging);
