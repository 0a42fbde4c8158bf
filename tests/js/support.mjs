// Shared by the browser tests: builds a site with the real `toolkit` binary, serves it over
// HTTP on 127.0.0.1, and starts headless Chromium (Debian's /usr/bin/chromium, or $CHROME).
import { execFileSync } from 'node:child_process';
import { after, before } from 'node:test';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const chromiumPath = process.env.CHROME || '/usr/bin/chromium';

/** The release binary, built if needed. */
export function toolkit(...args) {
  const binary = join(projectRoot, 'target/release/toolkit');
  if (!existsSync(binary)) execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: projectRoot, stdio: 'inherit' });
  return execFileSync(binary, args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A throwaway project with the given content folder (default: the real one). */
export function project(content = join(projectRoot, 'content')) {
  const root = mkdtempSync(join(tmpdir(), 'toolkit-e2e-'));
  cpSync(content, join(root, 'content'), { recursive: true });
  cpSync(join(projectRoot, 'themes'), join(root, 'themes'), { recursive: true });
  cpSync(join(projectRoot, 'i18n'), join(root, 'i18n'), { recursive: true });
  return root;
}

/** Builds a project's site; returns the site folder. */
export function build(root) {
  toolkit('--root', root, 'build', '--out', 'public');
  return join(root, 'public');
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.xml': 'application/xml', '.svg': 'image/svg+xml' };

/** Serves a folder on 127.0.0.1; `url` ends with a slash, `requests` lists the paths asked for. */
export async function serve(folder) {
  const requests = [];
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requests.push(path);
    let file = join(folder, path);
    if (!file.startsWith(folder)) { response.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { response.writeHead(404).end('not found'); return; }
    response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); });
  return { url: `http://127.0.0.1:${server.address().port}/`, requests, close };
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}

/** For a test file: builds a copy of the real project once, serves the site and starts
    Chromium before its tests, stops them after. `ready` receives {root, site, server, browser}. */
export function servedSite(ready) {
  let server, browser;
  before(async () => {
    const root = project();
    const site = build(root);
    server = await serve(site);
    browser = await launch();
    ready({ root, site, server, browser });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Every HTML file under `folder`, as full paths. */
export function htmlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}
