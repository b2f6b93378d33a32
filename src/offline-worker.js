// The offline worker (served as sw.js): after one visit on a host, the explorer opens and
// works with no network. Not a module of the app: the post-build hook (scripts/post-build.mjs)
// fills in FILES, the build's own files, PARTS, the other parts of the article texts of a large
// corpus (see below), and BUILD, which changes with any of them, so a new
// deployment installs a new worker that replaces this one's cache. Registered by the page's
// start-up script once the page has loaded, so it never delays the first visit; never on
// file://, where service workers do not exist.
const BUILD = "__BUILD__";
const FILES = __FILES__;
const PARTS = __PARTS__;
// Caches are shared by the whole origin (on GitHub Pages, by every project of a user): this
// worker's are named by the app and its scope, and it never touches any other.
const PREFIX = `mali-russie-explorer ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;
// On a connection that barely works, the cached page is shown after this wait.
const PAGE_TIMEOUT_MS = 4000;

/** Whether a response holds a part of the article texts: its format's first bytes ("MRP1",
 * crates/corpus/src/codec.rs), never a host's page answering for a missing file. */
const isPart = (response) =>
  response.ok
    ? response
        .clone()
        .arrayBuffer()
        .then((bytes) => bytes.byteLength >= 4 && String.fromCharCode(...new Uint8Array(bytes, 0, 4)) === "MRP1")
    : Promise.resolve(false);

self.addEventListener("install", (event) => {
  // The page past the browser's HTTP cache (`reload`), which a host may let serve the previous
  // build's page for minutes (GitHub Pages: 10), so that the cache holds this build's page. The
  // other files are named by their content: the copy the page has just downloaded, in the HTTP
  // cache, is the right one (`force-cache`), and a phone does not download the wasm twice.
  const files = FILES.map((url) => new Request(url, { cache: url === "./" ? "reload" : "force-cache" }));
  // The parts of the texts the page has read before this worker controls it (the first visit):
  // kept if they are in the HTTP cache, never downloaded for this (`only-if-cached`).
  const adopt = (cache) =>
    Promise.all(
      PARTS.map((url) =>
        fetch(new Request(url, { cache: "only-if-cached", mode: "same-origin" }))
          .then((response) => isPart(response).then((yes) => yes && cache.put(url, response)))
          .catch(() => {}),
      ),
    );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files).then(() => adopt(cache)))
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
          if (part) {
            // Only a real part: a host's page answering for a missing file would be served
            // from the cache for good.
            const copy = response.clone();
            const keep = isPart(response).then((yes) => yes && caches.open(CACHE).then((cache) => cache.put(request, copy)));
            event.waitUntil(keep.catch(() => {}));
          }
          return response;
        }),
    ),
  );
});
