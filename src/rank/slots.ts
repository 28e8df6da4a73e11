// Fills a template's slots from what the customer typed (an order number) and from the caller's
// context (shop name, agent name …). Unfilled slots stay visible as {{name}} for the agent; each
// filled value is shown the way the caller says (masked, when it is personal).

import type { SlotSpec } from '../types.js';

// An order number the customer typed: after 订单/单号 and optional punctuation, 6–24 digits;
// or, without the word, a bare run of 10–24 digits (order numbers are long).
const ORDER_WITH_WORD = /(?:订单号?|单号|order(?:\s*(?:no\.?|number|#))?)\s*[:：#]?\s*(\d{6,24})/i;
const BARE_ORDER = /(?<!\d)(\d{10,24})(?!\d)/;
// A waybill: after 运单/快递单/物流单, letters and digits (SF1234567890, JD0012…).
const WAYBILL = /(?:运单|快递单|物流单|运单号|快递单号|物流单号|tracking(?:\s*(?:no\.?|number|#))?)\s*(?:号)?\s*[:：#]?\s*([A-Za-z]{0,4}\d{8,22})/i;

export type SlotContext = Readonly<Record<string, unknown>>;

function fromMessage(name: string, message: string): string | undefined {
  if (name === '订单号') return ORDER_WITH_WORD.exec(message)?.[1] ?? (WAYBILL.test(message) ? undefined : BARE_ORDER.exec(message)?.[1]);
  if (name === '运单号') return WAYBILL.exec(message)?.[1];
  return undefined;
}

/** Slot specs by name, per phrasebook slot list (built once, not for every suggestion). */
const specsByName = new WeakMap<readonly SlotSpec[], Map<string, SlotSpec>>();

/** How a value is shown in its slot: `shown(name, value)` (the ranker masks personal values). */
export type SlotShow = (name: string, value: string) => string;

export function fillSlots(text: string, slots: readonly SlotSpec[], message: string, context: SlotContext = {}, shown: SlotShow = (_, v) => v): string {
  let spec = specsByName.get(slots);
  if (!spec) specsByName.set(slots, (spec = new Map(slots.map((s) => [s.name, s]))));
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => {
    const fromContext = context[name];
    if (typeof fromContext === 'string' || typeof fromContext === 'number') return shown(name, String(fromContext));
    const s = spec.get(name);
    if (!s || s.fill === 'message' || s.fill === 'context') {
      const v = fromMessage(name, message);
      if (v !== undefined) return shown(name, v);
    }
    return whole;
  });
}
