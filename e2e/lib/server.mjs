// A plain static file server for the built dist/, mounted under a subpath (default
// /explorer/) to prove the build works on static hosting that is not at the domain root.
// No SPA fallback and no rewriting: exactly what a basic static host does.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts the server on 127.0.0.1 and a free port.
 * @param {object} options
 * @param {string} options.root the folder to serve (dist/)
 * @param {string} [options.base] the subpath, with leading and trailing slashes
 * @param {(path: string, body: Buffer) => Buffer} [options.transform] alters a response body (tests of broken builds)
 * @param {boolean} [options.gzip] compress responses (Content-Encoding: gzip), as a real host does
 * @param {(path: string) => Record<string, string>} [options.headers] extra response headers for a request, by its path from the site's root ("/", "/sw.js"; the hosting kit)
 * @returns {Promise<{url: string, requests: string[], close: () => Promise<void>}>}
 */
export async function startServer({ root, base = "/explorer/", transform, headers, gzip = false }) {
  const rootDir = resolve(root);
  const requests = [];
  // Compressed once per file, as a host serves precompressed files: compressing the wasm at
  // level 9 on every request would add to the load times the benchmark measures. A body a
  // transform altered is compressed as it is.
  const compressed = new Map();
  const gzipped = (file, body, altered) => {
    if (altered) return gzipSync(body, { level: 9 });
    if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
    return compressed.get(file);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    requests.push(path);
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { Location: base });
      return res.end();
    }
    if (!path.startsWith(base)) {
      res.writeHead(404);
      return res.end("not found");
    }
    let rel = path.slice(base.length) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(rootDir, rel));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      let body = await readFile(file);
      if (transform) body = transform(rel, body);
      if (gzip) body = gzipped(file, body, Boolean(transform));
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        ...(headers ? headers("/" + path.slice(base.length)) : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
