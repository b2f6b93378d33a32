// The offline worker (served as sw.js): after one visit on a host, the explorer opens and
// works with no network. Not a module of the app: the post-build hook (scripts/post-build.mjs)
// fills in FILES, the build's own files, and VERSION, which changes with any of them, so a
// new deployment installs a new worker that replaces the old cache. Registered by the page's
// start-up script once the page has loaded, so it never delays the first visit; never on
// file://, where service workers do not exist.
const VERSION = "__VERSION__";
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page: from the network when there is one (a new build is seen at once), else the
    // cached page — whatever the view in its query, which the app reads itself.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(VERSION).then((cache) => cache.match("./")).then((page) => page || Response.error()),
      ),
    );
    return;
  }
  // The other files are named by their content: a cached copy is always the right one.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
