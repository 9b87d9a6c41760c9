#!/usr/bin/env node
// Phone-sized screenshots of every page a plan uploads, for reviewers of a pull request.
// Usage: node screenshots.cjs <plan.json> <site directory> <output directory>
// Chromium: $CHARTER_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on the PATH.
// Pages are served over HTTP with production routing, because they link assets by absolute path.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ics': 'text/calendar', '.xml': 'application/xml' };

function chromium() {
  if (process.env.CHARTER_CHROMIUM) return process.env.CHARTER_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`]).toString().trim();
    } catch (e) { /* not on the PATH: try the next */ }
  }
  throw new Error('no Chromium found: install chromium or set CHARTER_CHROMIUM to its path');
}

function serve(site) {
  const root = path.resolve(site);
  return http.createServer((req, res) => {
    let key = decodeURIComponent(new URL(req.url, 'http://localhost').pathname).replace(/^\/+/, '');
    if (key === '' || key.endsWith('/')) key += 'index.html';
    if (!path.extname(key)) key += '.html';
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
}

async function main() {
  const [planFile, site, out] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node screenshots.cjs <plan.json> <site directory> <output directory>');
    process.exit(2);
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const pages = (plan.s3 && plan.s3.uploads || []).map(u => u.key).filter(key => key.endsWith('.html'));
  if (pages.length === 0) {
    console.log('screenshots: the plan uploads no page');
    return;
  }
  const browser = chromium();
  const server = serve(site);
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  let failed = 0;
  for (const key of pages) {
    const target = path.join(out, key.replace(/\.html$/, '.png'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const result = await new Promise(resolve => {
      const child = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
        '--window-size=390,844', `--screenshot=${target}`, base + key], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', chunk => { errors += chunk; });
      child.on('close', code => resolve({ code, errors }));
    });
    if (result.code !== 0 || !fs.existsSync(target)) {
      failed++;
      console.error(`screenshots: ${key} failed (exit ${result.code}): ${result.errors.trim().split('\n').pop()}`);
    } else {
      console.log(`screenshots: ${target}`);
    }
  }
  server.close();
  if (failed > 0) process.exit(1);
}

main().catch(e => { console.error('screenshots: ' + e.message); process.exit(1); });
