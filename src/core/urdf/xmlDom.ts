import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { UrdfError } from './urdfError';
import { checkXmlLimits } from './xmlLimits';

/**
 * The slice of the DOM Element API that urdf-loader uses, over an @xmldom/xmldom element, so
 * URDF parsing needs no browser DOM (Node, Web Workers). xmldom elements lack `children` and
 * `querySelector`, which urdf-loader relies on.
 */
export class UrdfXmlElement {
  readonly nodeName: string;
  private kids: UrdfXmlElement[] | null = null;

  constructor(readonly node: XmlElement) {
    this.nodeName = node.nodeName;
  }

  /** Element children only (no text or comments), like DOM `children`. */
  get children(): UrdfXmlElement[] {
    if (!this.kids) {
      this.kids = [];
      const nodes = this.node.childNodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (n.nodeType === 1) this.kids.push(new UrdfXmlElement(n as XmlElement));
      }
    }
    return this.kids;
  }

  get textContent(): string {
    return this.node.textContent ?? '';
  }

  getAttribute(name: string): string | null {
    return this.node.hasAttribute(name) ? this.node.getAttribute(name) : null;
  }

  hasAttribute(name: string): boolean {
    return this.node.hasAttribute(name);
  }

  /** Supports `tag`, `tag[attr]` and `tag[attr="value"]`: the forms urdf-loader queries with. */
  querySelector(selector: string): UrdfXmlElement | null {
    const m = /^\s*([\w:-]+|\*)?\s*(?:\[\s*([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\])?\s*$/.exec(selector);
    if (!m) throw new Error(`UrdfXmlElement.querySelector: unsupported selector '${selector}'`);
    const [, tag, attr, v1, v2, v3] = m;
    const value = v1 ?? v2 ?? v3;
    const stack = [...this.children].reverse();
    while (stack.length) {
      const el = stack.pop()!;
      const tagOk = !tag || tag === '*' || el.nodeName === tag;
      const attrOk = !attr || (value === undefined ? el.hasAttribute(attr) : el.getAttribute(attr) === value);
      if (tagOk && attrOk) return el;
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
    }
    return null;
  }
}

/** Parses XML text into the adapted root element; malformed XML throws an Error naming `fileName`. */
export function parseXmlRoot(text: string, fileName: string): UrdfXmlElement {
  checkXmlLimits(text, fileName);
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') problems.push(msg);
    },
  });
  let doc;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new UrdfError(fileName, `malformed XML (${(e as Error).message})`);
  }
  const root = doc.documentElement;
  if (problems.length || !root) {
    throw new UrdfError(fileName, `malformed XML (${problems[0] ?? 'no root element'})`);
  }
  return new UrdfXmlElement(root);
}
