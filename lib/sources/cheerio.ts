/** Node adapter: a cheerio document (parse5, the HTML5 parsing algorithm) as the engine's SourceDocument. */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SourceDocument } from '../cell-source';
import { readDocument, type TreeAccess } from './walk';

const NO_CHILDREN: AnyNode[] = [];

const cheerioAccess: TreeAccess<AnyNode, Element> = {
  isElement: (node): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style',
  textOf: (node) => (node.type === 'text' ? node.data : null),
  tagName: (element) => element.name.toLowerCase(),
  children: (node) => ('children' in node ? node.children : NO_CHILDREN),
  attribute: (element, name) => element.attribs[name],
};

export function fromCheerio($: CheerioAPI): SourceDocument<Element> {
  // The title comes from the walk (first <title>): a selector query would traverse the whole document again.
  return readDocument<AnyNode, Element>($.root()[0], cheerioAccess);
}

/** Parses saved HTML (already decoded to a string) and reads it. */
export function loadHtml(html: string): SourceDocument<Element> {
  return fromCheerio(load(html));
}
