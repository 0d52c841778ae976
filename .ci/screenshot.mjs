// Screenshots a page, or one element of it, in Chromium, for the README.
// usage: node screenshot.mjs PAGE.html OUT.png [SELECTOR] [WIDTH]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [page, out, selector, width] = process.argv.slice(2);
if (!page || !out) {
  console.error('usage: node screenshot.mjs PAGE.html OUT.png [SELECTOR] [WIDTH]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const p = await browser.newPage({ viewport: { width: Number(width || 1280), height: 1000 } });
  await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  if (selector) {
    await (await p.$(selector)).screenshot({ path: out });
  } else {
    await p.screenshot({ path: out });
  }
} finally {
  await browser.close();
}
