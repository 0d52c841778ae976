// Loads persona's HTML reports in a real Chromium and fails on anything a
// reader would suffer from: console errors, network requests, scripts,
// serious or critical accessibility violations (axe-core), horizontal
// scrolling at phone width, or a page that cannot be printed.
//
// usage: node browser-check.mjs SCREENSHOT.png REPORT.html [REPORT.html...]
// The first report's screenshot is written to SCREENSHOT.png. A report
// written onepage:PAGE.html must also print on one A4 and one Letter page
// (a persona card for the workshop wall).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [screenshot, ...reports] = process.argv.slice(2);
if (!screenshot || reports.length === 0) {
  console.error('usage: node browser-check.mjs SCREENSHOT.png REPORT.html [REPORT.html...]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  for (const [i, arg] of reports.entries()) {
    const onePage = arg.startsWith('onepage:');
    const report = onePage ? arg.slice('onepage:'.length) : arg;
    const problems = [];
    const url = pathToFileURL(report).href;
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 }, javaScriptEnabled: true });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`a script opened a dialog: ${d.message()}`); d.dismiss(); });
    // A site's pages may load its own stylesheet, beside them or one
    // directory up; nothing else, and nothing from a network.
    const siteCSS = [new URL('style.css', url).href, new URL('../style.css', url).href];
    page.on('request', (r) => {
      if (r.url() !== url && !siteCSS.includes(r.url())) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });

    const dom = await page.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      h1: document.querySelectorAll('h1').length,
      tables: document.querySelectorAll('table').length,
      captions: document.querySelectorAll('table > caption').length,
      // persona's stylesheet sets the body's margin to 0 (browsers: 8px).
      styled: getComputedStyle(document.body).marginTop === '0px',
    }));
    if (!dom.styled) problems.push('the stylesheet did not apply');
    if (dom.scripts) problems.push(`${dom.scripts} <script> elements: user text was not escaped`);
    if (dom.images) problems.push(`${dom.images} <img> elements: user HTML or images were rendered`);
    if (dom.handlers) problems.push(`${dom.handlers} elements with on* attributes`);
    if (dom.h1 !== 1) problems.push(`${dom.h1} <h1> elements, want 1`);
    if (dom.tables !== dom.captions) problems.push(`${dom.tables - dom.captions} tables without a caption`);

    if (i === 0) await page.screenshot({ path: screenshot, fullPage: false });

    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'], preload: false }));
    for (const v of axe.violations) {
      const line = `axe ${v.impact}: ${v.id} (${v.nodes.length} nodes): ${v.help}`;
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
      else console.log(`  note: ${line}`);
    }

    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) problems.push(`the page scrolls sideways by ${overflow}px at phone width`);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    if (pdf.length < 1000) problems.push('printing produced an empty PDF');
    // A PDF's pages are its /Type /Page objects (/Pages is their tree).
    const pages = (buf) => (buf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    if (onePage) {
      for (const format of ['A4', 'Letter']) {
        const n = pages(await page.pdf({ format }));
        if (n !== 1) problems.push(`prints on ${n} ${format} pages, want 1`);
      }
    }

    await context.close();
    if (problems.length) {
      failures++;
      console.error(`FAIL ${report}`);
      for (const p of problems) console.error(`  ${p}`);
    } else {
      console.log(`ok   ${report}: no scripts, no requests, no serious axe violations, fits a phone, prints (${Math.round(pdf.length / 1024)} KiB PDF)`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
