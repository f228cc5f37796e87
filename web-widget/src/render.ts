/**
 * Turns bot answers into DOM: Markdown blocks, the cited sources, errors.
 * Every string goes through text nodes (see dom.ts).
 */
import { h, srOnly } from './dom.js';
import type { Strings } from './i18n.js';
import { parseMarkdown, truncate, type Inline } from './markdown.js';
import type { SourceRef, UiLang } from './protocol.js';
import { safeLink } from './urls.js';

const SNIPPET_MAX = 280;

function inlines(parent: HTMLElement, parts: Inline[]): HTMLElement {
  for (const part of parts) {
    parent.append(part.bold ? h('strong', {}, part.text) : part.italic ? h('em', {}, part.text) : document.createTextNode(part.text));
  }
  return parent;
}

export function renderMarkdown(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const block of parseMarkdown(text)) {
    if (block.type === 'heading') {
      frag.append(inlines(h('p', { class: 'md-heading' }), block.inlines));
    } else if (block.type === 'list') {
      const list = h(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) list.append(inlines(h('li'), item));
      frag.append(list);
    } else {
      const p = h('p');
      block.lines.forEach((line, i) => {
        if (i > 0) p.append(h('br'));
        inlines(p, line);
      });
      frag.append(p);
    }
  }
  return frag;
}

function renderSource(source: SourceRef, base: string, t: Strings): HTMLLIElement {
  const href = safeLink(source.url, base);
  const title = href
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, source.title, srOnly(` ${t.newTab}`))
    : h('span', { class: 'source-title' }, source.title);
  const page = source.page ? h('span', { class: 'source-page' }, `, ${t.page(source.page)}`) : null;
  const snippet = source.snippet.trim() ? h('blockquote', {}, truncate(source.snippet, SNIPPET_MAX)) : null;
  return h('li', {}, title, page, snippet);
}

export function renderSources(sources: SourceRef[], base: string, t: Strings): HTMLElement | null {
  if (!sources.length) return null;
  const list = h('ol', { class: 'sources-list' });
  for (const s of sources) list.append(renderSource(s, base, t));
  return h('div', { class: 'sources' }, h('p', { class: 'sources-title' }, t.sources), list);
}

/** One bot message: appended whole to the log, so it is announced once. */
export function renderBotMessage(
  text: string,
  sources: SourceRef[],
  lang: UiLang | undefined,
  base: string,
  t: Strings,
): HTMLElement {
  const body = h('div', { class: 'bubble' }, renderMarkdown(text), renderSources(sources, base, t));
  return h('div', { class: 'msg bot', lang }, srOnly(`${t.bot} `), body);
}

export function renderErrorMessage(text: string, t: Strings): HTMLElement {
  return h('div', { class: 'msg bot error' }, h('div', { class: 'bubble' }, h('strong', {}, `${t.error} `), text));
}

export function renderUserMessage(text: string, t: Strings): { el: HTMLElement; markSent: () => void; markPending: () => void } {
  const pending = h('span', { class: 'pending', hidden: true }, ` (${t.pending})`);
  const el = h('div', { class: 'msg user' }, srOnly(`${t.you} `), h('div', { class: 'bubble' }, text, pending));
  return {
    el,
    markSent: () => {
      pending.hidden = true;
      el.classList.remove('is-pending');
    },
    markPending: () => {
      pending.hidden = false;
      el.classList.add('is-pending');
    },
  };
}
