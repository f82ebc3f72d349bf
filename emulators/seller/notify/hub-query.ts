/**
 * Parses `EventSubscriptionInput.query` (TMF630 style): `eventType=a`, `eventType=a,b`,
 * `eventType=a&eventType=b`, with tolerated spaces around `=` (the spec's own example has them).
 * Empty or absent = every event type. Only `eventType` is supported ([R103]).
 */
export type HubQueryResult = { ok: true; eventTypes: string[] } | { ok: false; reason: string };

export function parseHubQuery(query: string | undefined, known: readonly string[]): HubQueryResult {
  if (query === undefined || query.trim() === '') return { ok: true, eventTypes: [...known] };
  const types: string[] = [];
  for (const clause of query.split('&')) {
    if (clause.trim() === '') continue;
    const eq = clause.indexOf('=');
    if (eq < 0) return { ok: false, reason: `query clause '${clause}' is not name=value` };
    const name = clause.slice(0, eq).trim();
    if (name !== 'eventType')
      return { ok: false, reason: `query attribute '${name}' is not supported; only eventType is` };
    for (const raw of clause.slice(eq + 1).split(',')) {
      const value = decode(raw.trim());
      if (value === undefined) return { ok: false, reason: `'${raw.trim()}' is not valid percent-encoding` };
      if (!known.includes(value)) return { ok: false, reason: `unknown eventType '${value}'` };
      if (!types.includes(value)) types.push(value);
    }
  }
  return types.length > 0
    ? { ok: true, eventTypes: types }
    : { ok: false, reason: 'query names no eventType' };
}

/** decodeURIComponent without the URIError a malformed `%` sequence throws. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
