// The offline worker (served as sw.js): after one visit on a host, the explorer opens and
// works with no network. Not a module of the app: the post-build hook (scripts/post-build.mjs)
// fills in FILES, the build's own files, and BUILD, which changes with any of them, so a new
// deployment installs a new worker that replaces this one's cache. Registered by the page's
// start-up script once the page has loaded, so it never delays the first visit; never on
// file://, where service workers do not exist.
const BUILD = "__BUILD__";
const FILES = __FILES__;
// Caches are shared by the whole origin (on GitHub Pages, by every project of a user): this
// worker's are named by the app and its scope, and it never touches any other.
const PREFIX = `mali-russie-explorer ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;
// On a connection that barely works, the cached page is shown after this wait.
const PAGE_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  // `reload`: past the browser's HTTP cache, which a host may let serve the previous build's
  // page for minutes (GitHub Pages: 10), so that the cache holds this build's page.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The cached page, or an error when there is none. */
const cachedPage = () => caches.open(CACHE).then((cache) => cache.match("./")).then((page) => page || Response.error());

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Only the page (whatever the view in its query, which the app reads itself) falls back
    // to the cache: another address (the single-file download) fails offline instead of
    // becoming the page.
    const path = new URL(request.url).pathname;
    const root = new URL(self.registration.scope).pathname;
    if (path !== root && path !== root + "index.html") return;
    // From the network when it answers (a new deployment is seen at once); the cache when it
    // fails, or when it is slow and the cache has the page.
    event.respondWith(
      new Promise((resolve) => {
        let answered = false;
        const answer = (response) => {
          if (!answered) (answered = true), resolve(response);
        };
        const timer = setTimeout(() => cachedPage().then((page) => page.ok && answer(page)), PAGE_TIMEOUT_MS);
        fetch(request).then(
          (response) => (clearTimeout(timer), answer(response)),
          () => (clearTimeout(timer), cachedPage().then(answer)),
        );
      }),
    );
    return;
  }
  // The other files are named by their content: a cached copy is always the right one. The
  // parts of the article texts that the first view does not show (a large corpus) are not
  // cached at install, which would make every visitor download every text; each is kept once
  // fetched, so that what was read opens offline too.
  const part = /\/texts-[0-9a-f]{16}\.bin$/.test(new URL(request.url).pathname);
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (part && response.ok) {
            const copy = response.clone();
            // Only a real part, by its format's first bytes ("MRP1", crates/corpus/src/codec.rs):
            // never a host's page answering for a missing file, which would then be served
            // from the cache for good.
            const keep = copy.arrayBuffer().then((bytes) => {
              const head = bytes.byteLength >= 4 ? String.fromCharCode(...new Uint8Array(bytes, 0, 4)) : "";
              if (head === "MRP1") return caches.open(CACHE).then((cache) => cache.put(request, new Response(bytes)));
            });
            event.waitUntil(keep.catch(() => {}));
          }
          return response;
        }),
    ),
  );
});
