// Run by `make dist` after Trunk and its post-build hooks: writes `X.gz`
// (gzip -9) and `X.br` (brotli, quality 11) beside every file of the
// build that compresses (html, js, wasm, css, json, svg, webmanifest; not the
// png icons, which are compressed already), for hosts that serve such files
// in place of the original (nginx gzip_static / brotli_static, Apache, Caddy's
// `precompressed`; see README "Host it"). The service worker's list of files
// was written before, so it never holds these.
//
// gzip is the gzip program, as `make size` measures the budget with it: Node's
// zlib (Chromium's fork) makes the wasm some 6 KB larger at the same level.
import { execFileSync } from "node:child_process";
import { brotliCompressSync, constants } from "node:zlib";
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2];
if (!dist) {
  console.error("precompress: usage: node .ci/precompress.mjs <folder>");
  process.exit(1);
}
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|svg|webmanifest)$/;
const TEXT = /\.(html|js|mjs|css|json|svg|webmanifest)$/;
let before = 0;
let gzipped = 0;
let brotli = 0;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    // Left by an earlier run: written anew below if the file is still there.
    else if (/\.(gz|br)$/.test(name)) unlinkSync(path);
    else if (COMPRESSIBLE.test(name)) files.push(path);
  }
};
walk(dist);
for (const path of files) {
  const data = readFileSync(path);
  // -n: no name or time inside, so the same build gives the same file.
  const gz = execFileSync("gzip", ["-9", "-n", "-c", path], { maxBuffer: 1 << 30 });
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: TEXT.test(path) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, br);
  before += data.length;
  gzipped += gz.length;
  brotli += br.length;
}
console.log(`precompressed: ${before} bytes, ${gzipped} gzipped, ${brotli} brotli`);
