/**
 * Browser adapter: the live DOM as the engine's SourceDocument. Reads text nodes' data (textContent semantics), never
 * innerText, so it forces no layout. Skips the extension's own overlay host and <template> contents.
 */
import type { SourceDocument } from '../cell-source';
import { OVERLAY_HOST_ATTRIBUTE, readDocument, readDocumentSteps, type TreeAccess } from './walk';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Elements the walk treats otherwise than as plain text: skipped, counted (images, PDF links), read as their own
 * table, or our overlay host. A cell holding none of them (the usual Word markup <p><span>…</span></p> included)
 * reads as its textContent.
 */
const READ_APART = `table,script,style,noscript,template,title,head,img,a,embed,iframe,object,[${OVERLAY_HOST_ATTRIBUTE}]`;

const domAccess: TreeAccess<Node, Element> = {
  isElement: (node): node is Element => node.nodeType === ELEMENT_NODE,
  textOf: (node) =>
    node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE ? ((node as CharacterData).data ?? '') : null,
  tagName: (element) => element.localName.toLowerCase(),
  children: (node) => node.childNodes,
  attribute: (element, name) => element.getAttribute(name),
  plainText: (element) =>
    element.firstElementChild === null || element.querySelector(READ_APART) === null ? (element.textContent ?? '') : null,
};

export function fromDom(doc: Document): SourceDocument<Element> {
  return readDocument<Node, Element>(doc.documentElement ?? doc, domAccess, doc.title ?? '');
}

/** fromDom in steps: yields whenever `shouldPause()` says so (between table rows), so a huge page is read in slices. */
export function fromDomSteps(doc: Document, shouldPause: () => boolean): Generator<void, SourceDocument<Element>, void> {
  return readDocumentSteps<Node, Element>(doc.documentElement ?? doc, domAccess, doc.title ?? '', shouldPause);
}
