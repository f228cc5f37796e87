/**
 * The widget's interface: a launcher button and a non-modal chat dialog in a
 * shadow root. Keyboard and focus behaviour: focus moves to the question field
 * on open and back to the launcher on close, Escape closes, the conversation
 * is a polite `role="log"` to which each message is appended whole, once.
 */
import { Connection, type ConnectionState } from './connection.js';
import { h } from './dom.js';
import type { Strings } from './i18n.js';
import type { QuickReply, ServerMessage, UiLang } from './protocol.js';
import { renderBotMessage, renderErrorMessage, renderUserMessage } from './render.js';
import { CSS } from './styles.js';
import { socketUrl } from './urls.js';

export interface WidgetOptions {
  /** Chat server base URL, no trailing slash. */
  base: string;
  lang: UiLang;
  strings: Strings;
}

const MAX_QUESTION = 1000;
const MAX_QUEUED = 10;
const MAX_LOG_ITEMS = 200;
/** Hide the typing indicator if the answer never comes. */
const TYPING_TIMEOUT_MS = 20_000;
const SVG = 'http://www.w3.org/2000/svg';

function chatIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z');
  svg.append(path);
  return svg;
}

/**
 * A constructed stylesheet where supported: unlike a `<style>` element, it is
 * not blocked by a host page whose Content-Security-Policy forbids inline styles.
 */
function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(h('style', {}, CSS));
  }
}

interface Queued {
  text: string;
  markSent: () => void;
}

export class Widget {
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly status: HTMLParagraphElement;
  private readonly log: HTMLDivElement;
  private readonly typing: HTMLDivElement;
  private readonly quick: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly connection: Connection;
  private readonly queue: Queued[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, private readonly opts: WidgetOptions) {
    const t = opts.strings;
    host.setAttribute('lang', opts.lang);
    const shadow = host.attachShadow({ mode: 'open' });

    this.status = h('p', { class: 'status', role: 'status' }, '');
    this.log = h('div', {
      class: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': t.conversation,
      tabindex: '0',
    });
    this.typing = h(
      'div',
      { class: 'typing', hidden: true },
      h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
      t.typing,
    );
    this.quick = h('div', { class: 'quick', role: 'group', 'aria-label': t.suggestions, hidden: true });
    this.input = h('input', {
      id: 'rw-input',
      type: 'text',
      autocomplete: 'off',
      maxlength: String(MAX_QUESTION),
      enterkeyhint: 'send',
    });
    const form = h(
      'form',
      { class: 'composer' },
      h('label', { for: 'rw-input' }, t.inputLabel),
      h('div', { class: 'row' }, this.input, h('button', { class: 'send', type: 'submit' }, t.send)),
    );
    const close = h('button', { class: 'close', type: 'button', 'aria-label': t.close, title: t.close }, '×');
    this.panel = h(
      'div',
      { class: 'panel', id: 'rw-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'rw-title', hidden: true },
      h('div', { class: 'header' }, h('h2', { id: 'rw-title' }, t.title), close),
      this.status,
      this.log,
      this.typing,
      this.quick,
      form,
    );
    this.launcher = h(
      'button',
      { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'rw-panel' },
      chatIcon(),
      h('span', {}, t.launcher),
    );
    // A labelled landmark, so screen-reader users can jump to the assistant.
    const root = h('aside', { class: 'root', 'aria-label': t.title }, this.panel, this.launcher);
    adoptStyles(shadow);
    shadow.append(root);

    this.connection = new Connection(socketUrl(opts.base, opts.lang), {
      onMessage: (msg) => this.receive(msg),
      onState: (state) => this.showState(state),
    });

    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));
    close.addEventListener('click', () => this.close());
    // Escape closes from anywhere in the widget, the launcher included.
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.panel.hidden) return;
      e.preventDefault();
      e.stopPropagation();
      this.close();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.ask(this.input.value, this.input.value);
    });
  }

  open(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    // The first open connects; the server greets in the interface language.
    this.connection.start();
    this.input.focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  /** Sends `payload`, showing `label` as the visitor's message; queues it while offline. */
  private ask(label: string, payload: string): void {
    const text = payload.trim().slice(0, MAX_QUESTION);
    if (!text) return;
    if (!this.connection.send(text)) {
      if (this.queue.length >= MAX_QUEUED) return; // keep the text in the field
      const msg = renderUserMessage(label.trim(), this.opts.strings);
      msg.markPending();
      this.queue.push({ text, markSent: msg.markSent });
      this.append(msg.el, true);
    } else {
      this.append(renderUserMessage(label.trim(), this.opts.strings).el, true);
    }
    this.input.value = '';
    this.setQuickReplies([]);
  }

  private receive(msg: ServerMessage): void {
    const t = this.opts.strings;
    if (msg.type === 'typing') {
      this.setTyping(true);
      return;
    }
    this.setTyping(false);
    if (msg.type === 'error') {
      this.append(renderErrorMessage(msg.text || msg.code || '', t));
      return;
    }
    // Suggestions first: they resize the log, and the scroll position depends on its final size.
    this.setQuickReplies(msg.quickReplies);
    this.append(renderBotMessage(msg.text, msg.sources, msg.lang, this.opts.base, t));
  }

  private showState(state: ConnectionState): void {
    const t = this.opts.strings;
    this.status.textContent = state === 'online' ? t.online : state === 'offline' ? t.offline : t.connecting;
    this.status.classList.toggle('is-offline', state === 'offline');
    this.panel.classList.toggle('is-offline', state === 'offline');
    if (state !== 'online') {
      this.setTyping(false);
      return;
    }
    // Back online: send what was asked meanwhile, in order.
    while (this.queue.length) {
      const next = this.queue[0];
      if (!next || !this.connection.send(next.text)) break;
      next.markSent();
      this.queue.shift();
    }
  }

  private setTyping(on: boolean): void {
    clearTimeout(this.typingTimer);
    this.typing.hidden = !on;
    if (on) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
  }

  private setQuickReplies(replies: QuickReply[]): void {
    // Clicking a suggestion removes its button: keep focus in the panel.
    const hadFocus = this.quick.contains(this.shadowActive());
    this.quick.replaceChildren(
      ...replies.map((r) => {
        const b = h('button', { type: 'button' }, r.title);
        b.addEventListener('click', () => this.ask(r.title, r.payload));
        return b;
      }),
    );
    this.quick.hidden = replies.length === 0;
    if (hadFocus) this.input.focus();
  }

  private shadowActive(): Element | null {
    return (this.panel.getRootNode() as ShadowRoot).activeElement;
  }

  /** Appends a whole message; the visitor's own scroll to the end, answers to their start. */
  private append(el: HTMLElement, toEnd = false): void {
    this.log.append(el);
    while (this.log.childElementCount > MAX_LOG_ITEMS) this.log.firstElementChild?.remove();
    const top = toEnd ? this.log.scrollHeight : el.offsetTop - this.log.offsetTop - 8;
    this.log.scrollTop = Math.max(0, top);
  }
}
