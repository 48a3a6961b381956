/**
 * Opinion: op-eds and columns. Outlets file them under an opinion path or label them in the headline,
 * and guest op-eds carry a views-are-the-author's-own note.
 */
import { firstMatch, type Signal } from './doc.ts';

const OPINION_PATH_RE = /\/(?:opinion|opinions|op-ed|op-eds|oped|columns?|commentary|views)\//;
const TITLE_LABEL_RE = /^(?:opinion|op-ed|column|commentary)\s*[:|–-]/i;
const AUTHOR_VIEWS_RE =
  /\b(?:the )?(?:views|opinions)(?:,? thoughts)?(?: and opinions)? expressed (?:here|herein|in this (?:article|column|op-ed))? ?are (?:solely |those of )*the author(?:'|’)?s?\b|\bthis (?:article|piece) is an? (?:op-ed|opinion)\b|\bthis is an? (?:op-ed|opinion (?:piece|column))\b/i;

export const OPINION_SIGNALS: Signal[] = [
  { name: 'opinion path', weight: 2, test: (d) => firstMatch(OPINION_PATH_RE, d.path) },
  { name: 'opinion headline label', weight: 2, test: (d) => firstMatch(TITLE_LABEL_RE, d.title) },
  { name: 'author-views note', weight: 2, test: (d) => firstMatch(AUTHOR_VIEWS_RE, d.tail) ?? firstMatch(AUTHOR_VIEWS_RE, d.head) },
  { name: 'opinion source', weight: 1, test: (d) => firstMatch(/\bopinion\b/i, d.source) },
];
