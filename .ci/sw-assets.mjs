// Trunk post-build step (run by .ci/csp-hashes.mjs after the policy is
// filled in): writes into the staged sw.js the list of every file of the
// build, so the service worker caches exactly them, hashed names included,
// and a version that changes whenever any of them changes.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export function writeServiceWorkerAssets(staging) {
  const worker = join(staging, "sw.js");
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      // Compressed copies (.gz, .br, which `make dist` writes later) are for
      // the host to send; the browser keeps the files themselves.
      const compressed = /\.(gz|br)$/.test(name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path !== worker && !compressed) files.push(relative(staging, path).split("\\").join("/"));
    }
  };
  walk(staging);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(readFileSync(join(staging, file)));
  const version = hash.digest("hex").slice(0, 16);
  const assets = ["./", ...files.map((f) => `./${f}`)];
  const source = readFileSync(worker, "utf8");
  if (!source.includes("__CLIENTELE_ASSETS__") || !source.includes("__CLIENTELE_VERSION__")) {
    console.error(`sw-assets: ${worker} lacks its placeholders`);
    process.exit(1);
  }
  writeFileSync(
    worker,
    source.replace("__CLIENTELE_VERSION__", version).replace("__CLIENTELE_ASSETS__", JSON.stringify(assets)),
  );
  console.log(`sw-assets: ${assets.length} files, version ${version}`);
}
