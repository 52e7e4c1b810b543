/**
 * A saved web page (.html), once decoded by its declared charset (the batch's decodeHtml), made safe to show in the
 * viewer: parsed inertly (DOMParser runs nothing and loads nothing), and stripped of what could run or reach the
 * network — scripts, frames, plugins, <base>, <meta http-equiv>, <link>, event-handler attributes, image and media
 * sources. What is left is text, tables and inline styles, which is all the check reads. The viewer shows it in a
 * sandboxed frame without scripts (html-frame.ts), under a CSP that loads nothing from outside either.
 */
const REMOVED = 'script, iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], link, noscript, template';
const URL_ATTRIBUTES = ['src', 'srcset', 'href', 'action', 'formaction', 'poster', 'background', 'data', 'ping', 'xlink:href'];

/** The page as a safe HTML string (doctype kept, so the frame renders in the same mode). */
export function sanitizeSavedPage(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of Array.from(doc.querySelectorAll(REMOVED))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || URL_ATTRIBUTES.includes(name)) el.removeAttribute(attr.name);
      else if (name === 'style' && /url\s*\(/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  // <style> may import or point at remote fonts and images; the rules without url() are kept.
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    if (/@import|url\s*\(/i.test(style.textContent ?? '')) style.textContent = (style.textContent ?? '').replace(/@import[^;]*;|url\s*\([^)]*\)/gi, 'none');
  }
  const doctype = doc.doctype ? '<!doctype html>' : '';
  return doctype + doc.documentElement.outerHTML;
}
