/**
 * Greetings, thanks, goodbye and "what can you do?", in French and English.
 * Only a message that is nothing but small talk is answered here; a greeting
 * in front of a real question is stripped and the question goes on.
 */
import { fold } from './normalize.js';

export type SmalltalkIntent = 'greeting' | 'thanks' | 'goodbye' | 'help';

const PATTERNS: [SmalltalkIntent, RegExp][] = [
  ['greeting', /^(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|good (?:morning|afternoon|evening)|yo|bjr)\b/],
  ['thanks', /^(?:merci|thanks?|thank you|thx|super merci|parfait merci|top merci|great thanks?|cool)\b/],
  ['goodbye', /^(?:au revoir|a bientot|a plus|bye|goodbye|see you|ciao|bonne (?:journee|soiree))\b/],
  [
    'help',
    /^(?:aide|help|que (?:sais|peux)[- ]tu faire|qu'?est[- ]ce que tu (?:sais|peux) faire|tu (?:sais|peux) faire quoi|comment (?:ca|ça) marche|what can you do|what do you do|how does (?:this|it) work|who are you|qui es[- ]tu|what are you|que fais[- ]tu|quelles questions.*|what (?:questions|can i ask).*|comment t'utiliser|how (?:do i|to) use (?:you|this))\b/,
  ],
];

/** Words that may surround small talk without making it a question. */
const FILLER = new Set(
  'a à le la les toi vous you the bot robot beaucoup bien very much so lot a+ again encore tout tous all everyone everybody there ok okay oui yes et and pour for your ta votre aide help ton'.split(
    ' ',
  ),
);

const bare = (text: string): string =>
  fold(text)
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The small-talk intent of a message that is only small talk, else undefined. */
export function matchSmalltalk(text: string): SmalltalkIntent | undefined {
  const t = bare(text);
  if (!t) return undefined;
  for (const [intent, re] of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    if (intent === 'help') return t.split(' ').length <= 9 ? intent : undefined;
    const rest = t.slice(m[0].length).trim();
    if (!rest || rest.split(' ').every((w) => FILLER.has(w) || matchSmalltalk(w) !== undefined)) return intent;
  }
  return undefined;
}

/** "Bonjour, quels défis… ?" → "quels défis… ?" (the greeting alone is not the question). */
export function stripGreeting(text: string): string {
  return text
    .replace(
      /^\s*(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|good (?:morning|afternoon|evening))\b[\s,!.;:-]*/i,
      '',
    )
    .trim();
}
