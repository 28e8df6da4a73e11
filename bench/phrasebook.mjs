// A large phrasebook for benchmarks: the shipped intents, with templates and examples multiplied
// by recombining sentence pieces of the shipped ones (seeded), up to the requested template count.

import { rng } from './replies.mjs';

const pieces = (text) => text.split(/(?<=[，。～~！？,.!?])/).filter((p) => p.trim());

export function generatePhrasebook(pb, templateCount, seed = 7) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const byIntent = new Map(pb.intents.map((i) => [i.id, pb.templates.filter((t) => t.intent === i.id)]));
  const templates = [];
  for (let k = 0; templates.length < templateCount; k++) {
    const intent = pb.intents[k % pb.intents.length];
    const own = byIntent.get(intent.id);
    const parts = own.flatMap((t) => pieces(t.text));
    const text = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(parts)).join('');
    templates.push({ id: `${intent.id}/gen-${k}`, intent: intent.id, title: `${intent.title} ${k}`, locale: 'zh-CN', tags: [], text, slots: [] });
  }
  const intents = pb.intents.map((i) => ({ ...i, examples: [...i.examples, ...i.examples.map((e) => e + pick(['呢', '啊', '亲', '？']))] }));
  return { ...pb, intents, templates };
}

/** Customer messages: the phrasebook's examples, lightly varied. */
export function generateMessages(pb, n, seed = 11) {
  const r = rng(seed);
  const all = pb.intents.flatMap((i) => i.examples);
  const tails = ['', '呢', '啊', '亲', '？', '，麻烦看下', '，急'];
  return Array.from({ length: n }, () => all[Math.floor(r() * all.length)] + tails[Math.floor(r() * tails.length)]);
}
