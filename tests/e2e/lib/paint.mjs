// Did the highlight actually paint? Screenshots a rectangle of the page and measures its colours in
// a scratch tab (decoding the PNG with the browser's own image decoder: no dependency).

/** The client rectangle of the first range of highlight `name` whose text includes `phrase`. */
export function rangeRect(page, name, phrase) {
  return page.evaluate(
    (n, p) => {
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString().includes(p));
      if (!range) return null;
      const rect = range.getClientRects()[0];
      return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    name,
    phrase,
  );
}

/**
 * { tinted, pixels }: how many pixels of `rect` on `page` are neither white-ish text background nor
 * dark text, i.e. carry a highlight tint. `session` supplies the scratch tab.
 */
export async function tintedPixels(session, page, rect) {
  const clip = { x: Math.floor(rect.x), y: Math.floor(rect.y), width: Math.max(1, Math.ceil(rect.width)), height: Math.max(1, Math.ceil(rect.height)) };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  const scratch = await session.browser.newPage();
  try {
    return await scratch.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let tinted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        const spread = Math.max(r, g, b) - Math.min(r, g, b);
        if (spread > 25 && Math.max(r, g, b) > 120) tinted++; // coloured, not grey text or white paper
      }
      return { tinted, pixels: data.length / 4 };
    }, png);
  } finally {
    await scratch.close();
    await page.bringToFront();
  }
}
