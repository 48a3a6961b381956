/**
 * The reference DOM factory, Node only: jsdom cannot start inside workerd (it reads `__dirname`), so nothing under
 * src/pipeline or src/routes may import this file. Used by the command line, the evaluation and the parity tests.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ParseHTML } from '../pipeline/types.ts';

// jsdom reports the CSS it cannot parse on the console; real pages are full of such CSS and it says nothing about
// the article, so those messages are dropped.
const quiet = new VirtualConsole();

export const parseWithJsdom: ParseHTML = (html, url) =>
  new JSDOM(html, { url: url ?? undefined, virtualConsole: quiet }).window.document;
