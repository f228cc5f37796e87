/**
 * Entry point of `widget.js`: one `<script src=".../widget.js" data-server="https://host" defer>`
 * tag mounts the widget. Optional `data-lang="fr|en"` forces the interface language.
 */
import { pickLang, STRINGS } from './i18n.js';
import { serverBase } from './urls.js';
import { Widget } from './widget.js';

const FLAG = '__rapporteurWidget';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
}

function mount(script: HTMLScriptElement | null): void {
  const w = window as unknown as Record<string, unknown>;
  if (w[FLAG]) return; // included twice: one widget is enough
  const base = serverBase(script?.dataset.server, script?.src, location.href);
  if (!base) return;
  const lang = pickLang(script?.dataset.lang, document.documentElement.lang, navigator.languages ?? [navigator.language]);
  // A custom element name: host-page rules written for `div` or `body > div` do not reach it.
  const host = document.createElement('rapporteur-chat');
  host.id = 'rapporteur-widget';
  document.body.append(host);
  w[FLAG] = new Widget(host, { base, lang, strings: STRINGS[lang] });
}

// `document.currentScript` only exists while the script first runs.
const script = findScript();
if (document.body) mount(script);
else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
