import { UrdfError } from './urdfError';

/**
 * Bounds checked on the raw text before any XML parser runs: the parser and urdf-loader both
 * recurse per level, so 100,000 nested elements cost seconds and may overflow the stack. Real
 * robot URDFs nest under 10 levels and hold a few thousand elements. Documented in
 * docs/dataset-format.md.
 */
export const MAX_XML_DEPTH = 64;
export const MAX_XML_ELEMENTS = 200_000;

// Tags, skipping comments, CDATA, processing instructions and declarations; quoted attribute
// values may contain '>'.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>|<(\/?)[A-Za-z_][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

export function checkXmlLimits(text: string, fileName: string, maxDepth = MAX_XML_DEPTH, maxElements = MAX_XML_ELEMENTS): void {
  let depth = 0;
  let elements = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[0][1] === '!' || m[0][1] === '?') continue;
    if (m[1]) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (++elements > maxElements) {
      throw new UrdfError(fileName, `more than ${maxElements.toLocaleString('en-US')} XML elements (limit; not a robot description?)`);
    }
    if (!m[2] && ++depth > maxDepth) {
      throw new UrdfError(fileName, `XML elements nested more than ${maxDepth} levels deep (limit ${maxDepth})`);
    }
  }
}
