// Message templates with {name} placeholders, split once when rules compile so that formatting a
// finding's message is a join, not a regex replace.

export type MessageParts = ReadonlyArray<string | { name: string }>;

export function parseMessage(template: string): MessageParts {
  const parts: Array<string | { name: string }> = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export function formatMessage(parts: MessageParts, vars: Readonly<Record<string, string>>): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : (vars[p.name] ?? `{${p.name}}`);
  return out;
}
