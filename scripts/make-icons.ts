/**
 * `npx tsx scripts/make-icons.ts`: draws the toolbar/store icon (a table with a check mark) from the SVG below
 * into public/icon/{16,32,48,128}.png with Debian's Chromium. The PNGs are committed; run again after changing the SVG.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));

const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#0b57d0"/>
  <g fill="none" stroke="#fff" stroke-width="8" stroke-linejoin="round">
    <rect x="22" y="24" width="84" height="72" rx="6"/>
    <path d="M22 48h84M22 72h40M50 24v72"/>
  </g>
  <circle cx="92" cy="92" r="28" fill="#137333" stroke="#fff" stroke-width="6"/>
  <path d="M79 92l9 9 17-18" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${ICON_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: `${OUT_DIR}${size}.png`, omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
}

await main();
