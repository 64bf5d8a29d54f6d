// Clientele's service worker, in plain JavaScript: it keeps the page's own
// files so that the app opens without a network. Nothing else is fetched or
// sent; data stays in localStorage and is never seen here.
//
// The build (.ci/sw-assets.mjs, a Trunk post-build hook) replaces the two
// placeholders below with the list of the page's files, including the
// hashed wasm and js Trunk emits, and a version derived from their content.
// A new deployment therefore changes this file, which is how the browser
// notices an update.
const VERSION = "__CLIENTELE_VERSION__";
const ASSETS = __CLIENTELE_ASSETS__;
const CACHE = `clientele-${VERSION}`;

self.addEventListener("install", (event) => {
  // The new version then waits until the page agrees to reload (see
  // "message"), so an open page never mixes two versions.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("clientele-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Network first, so a new deployment shows at once; the cached page
    // (which matches the cached files) when offline.
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        return (await cache.match(new URL("index.html", self.registration.scope))) || Response.error();
      }),
    );
    return;
  }
  // Hashed files never change under their name: the cache first.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) || fetch(request)),
  );
});
