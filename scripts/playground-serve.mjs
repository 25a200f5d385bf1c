// Serves the built playground on 127.0.0.1 (PORT, default 4173; 0 picks a free port) with node's
// http module: static files only, nothing is classified on the server.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dist = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "playground", "dist"));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
};

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  const file = normalize(join(dist, path.endsWith("/") ? `${path}index.html` : path));
  // Nothing outside the built folder is served.
  if (!file.startsWith(dist + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
server.listen(Number(process.env.PORT ?? 4173), "127.0.0.1", () => {
  const address = server.address();
  console.log(`playground at http://127.0.0.1:${typeof address === "object" && address ? address.port : "?"}/`);
});
