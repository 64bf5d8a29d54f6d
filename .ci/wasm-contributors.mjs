// Run by `make size`: the largest contributors to the wasm, by crate and by
// Clientele's own modules, so that growth shows in review (#18).
//
// It reads the release wasm as the compiler wrote it, before wasm-opt, whose
// name section still names every function: sizes are of that code (about
// 1.3 times the shipped wasm, in much the same proportions). Functions are
// counted by the crate that opens their name, so generic code of a library
// instantiated for our types counts for the library, and for our module
// as "<module> (generic code used)" when our type shows in its name.
import { readFileSync } from "node:fs";

const path = process.argv[2];
if (!path) {
  console.error("wasm-contributors: usage: node .ci/wasm-contributors.mjs <file.wasm>");
  process.exit(1);
}
const bytes = readFileSync(path);
let at = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const text = (length) => {
  const value = bytes.toString("utf8", at, at + length);
  at += length;
  return value;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: imported functions take the first function indices.
    for (let count = leb(); count > 0; count--) {
      text(leb());
      text(leb());
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      } else {
        // A tag: its attribute, then its type.
        at++;
        leb();
      }
    }
  } else if (id === 10) {
    for (let count = leb(); count > 0; count--) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const name = text(leb());
    if (name === "name") {
      while (at < end) {
        const kind = bytes[at++];
        const length = leb();
        const stop = at + length;
        if (kind === 1) {
          for (let count = leb(); count > 0; count--) {
            const index = leb();
            names.set(index, text(leb()));
          }
        }
        at = stop;
      }
    }
  }
  at = end;
}
if (names.size === 0) {
  console.log("wasm contributors: the wasm has no function names; nothing to report");
  process.exit(0);
}

// Rust's legacy mangling: _ZN, then each path segment as its length and
// text, then E; `..` is `::` and `$LT$`-style escapes stand for symbols.
const ESCAPES = { LT: "<", GT: ">", RF: "&", BP: "*", C: ",", SP: "@", u20: " ", u27: "'", u5b: "[", u5d: "]", u7b: "{", u7d: "}", u3b: ";", u2b: "+", u22: '"' };
const demangle = (name) => {
  if (!name.startsWith("_ZN")) return name;
  const segments = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    const digits = /^\d+/.exec(name.slice(i));
    if (!digits) break;
    i += digits[0].length;
    segments.push(name.slice(i, i + Number(digits[0])));
    i += Number(digits[0]);
  }
  return segments
    .filter((s) => !/^h[0-9a-f]{16}$/.test(s))
    .map((s) => s.replace(/^_\$/, "$").replace(/\$([A-Za-z0-9]+)\$/g, (_, e) => ESCAPES[e] ?? "?").replaceAll("..", "::"))
    .join("::");
};
const crates = new Map();
const ours = new Map();
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
let total = data;
add(crates, "(data: texts and constants)", data);
bodies.forEach((size, i) => {
  const name = demangle(names.get(imported + i) ?? "");
  total += size;
  // `<T as trait>`: a generic type's code counts for the trait's crate.
  const generic = /^<&?(?:mut )?[A-Z][A-Za-z0-9]* as ([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  const opening = generic ?? /^<?&?(?:mut |dyn )*([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  const crate = name.startsWith("__wbindgen_describe")
    ? "(wasm-bindgen descriptions, removed from the page)"
    : opening
      ? opening[1]
      : "(other)";
  add(crates, crate, size);
  const own = /clientele::([a-z_0-9]+)(?:::([a-z_0-9]+))?/.exec(name);
  if (own) {
    const module = own[2] && !own[2].startsWith("__") ? `${own[1]}::${own[2]}` : own[1];
    add(ours, crate === "clientele" ? module : `${module} (generic code used)`, size);
  }
});
const kb = (size) => `${(size / 1024).toFixed(1).padStart(7)} KB ${((size * 100) / total).toFixed(1).padStart(5)}%`;
const top = (title, map, count) => {
  console.log(title);
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .forEach(([key, size]) => console.log(`  ${kb(size)}  ${key}`));
};
console.log(`wasm contributors, before wasm-opt (${(total / 1024).toFixed(0)} KB of code and data):`);
top("by crate:", crates, 12);
top("by Clientele's own module:", ours, 20);
