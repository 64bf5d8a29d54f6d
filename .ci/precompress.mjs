// Run by `make dist` after Trunk and its post-build hooks: writes `X.gz`
// (gzip format, compressed by Zopfli) and `X.br` (brotli, quality 11) beside
// every file of the build that compresses (html, js, wasm, css, json, svg,
// webmanifest; not the png icons, which are compressed already), for hosts
// that serve such files in place of the original (nginx gzip_static /
// brotli_static, Apache, Caddy's `precompressed`; see README "Host it"). The
// service worker's list of files was written before, so it never holds these.
//
// Zopfli writes the gzip format every browser reads, some 5% smaller than
// `gzip -9` (30 KB less wasm to download), at the cost of a few seconds of
// build. Each copy is unpacked again and compared with its file before it is
// written. `make size` measures the wasm's budget on the copy written here.
//
// Usage: node .ci/precompress.mjs <folder> <path of the @gfx/zopfli package>
import { createRequire } from "node:module";
import { brotliCompressSync, constants, gunzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist, zopfliPath] = process.argv.slice(2);
if (!dist || !zopfliPath) {
  console.error("precompress: usage: node .ci/precompress.mjs <folder> <@gfx/zopfli package>");
  process.exit(1);
}
const zopfli = createRequire(import.meta.url)(zopfliPath);
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
  // No name and no time inside, so the same build gives the same file.
  const gz = Buffer.from(await zopfli.gzipAsync(data, { numiterations: 15 }));
  if (!gunzipSync(gz).equals(data)) {
    console.error(`precompress: the gzip copy of ${path} does not unpack to the file`);
    process.exit(1);
  }
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
