// The wallet's service worker: keeps the app shell (page, scripts, styles, icons) so the
// wallet opens offline and shows the last known card (kept by app.js in localStorage).
//
// Network first, cache as the fallback: there is no build step and no hashed file names,
// so a fresh copy wins whenever the server answers. The API (/graphql, /qr/*) and the
// cashier console are never cached: balances and scan codes must never be stale.
const CACHE = "wallet-shell-v2";
const SHELL = [
  "/",
  "/manifest.webmanifest",
  "/web/wallet/app.js",
  "/web/wallet/care.js",
  "/web/wallet/wallet.css",
  "/web/shared/base.css",
  "/web/shared/graphql.js",
  "/web/shared/format.js",
  "/web/shared/live.js",
  "/web/wallet/icons/icon.svg",
  "/web/wallet/icons/icon-192.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

function isShell(url) {
  return url.origin === self.location.origin
    && (url.pathname === "/" || url.pathname === "/manifest.webmanifest"
        || url.pathname.startsWith("/web/wallet/") || url.pathname.startsWith("/web/shared/"));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !isShell(url)) return; // the network, untouched
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request, { cache: "no-cache" });
      if (response.ok) await cache.put(url.pathname, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(url.pathname);
      if (cached) return cached;
      throw error;
    }
  })());
});
