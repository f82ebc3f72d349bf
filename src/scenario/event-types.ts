/**
 * Event type names across API generations. Scenarios use one spelling for all versions: the Mplify 123.1
 * (v11/v6) name. The one name that differs in MEF 123 (v10/v5) is mapped on the wire by `wireEventType`.
 * A scenario may also write the v10 spelling; the loader turns it into the v11 one.
 */
import { API_VERSION_INFO, type ApiVersionId } from '../spec/api-versions';

/** v11 name → v10 name, for the names that differ (API-NOTES.md §12). */
const V10_NAMES: Readonly<Record<string, string>> = {
  productOrderItemExpectedCompletionDateSetEvent: 'productOrderItemExpectedCompletionDateSet',
};
const V11_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(V10_NAMES).map(([v11, v10]) => [v10, v11]),
);

/** The spelling scenarios are normalised to (the v11 name). */
export function canonicalEventType(type: string): string {
  return V11_NAMES[type] ?? type;
}

/** The name `apiVersion` uses for a canonical event type (listener path, `eventType`, hub query). */
export function wireEventType(type: string, apiVersion: ApiVersionId): string {
  const canonical = canonicalEventType(type);
  return API_VERSION_INFO[apiVersion].generation === 'mef-123'
    ? (V10_NAMES[canonical] ?? canonical)
    : canonical;
}

const EVENT_TYPE_PARAM = /(?:^|&)\s*eventType\s*=([^&]*)/g;

/** The event types a hub `query` names (`eventType=a,b&eventType=c`, TMF630 style); other attributes are ignored. */
export function hubQueryEventTypes(query: string): string[] {
  return [...query.matchAll(EVENT_TYPE_PARAM)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((raw) => decodeURIComponentSafe(raw.trim()))
      .filter((type) => type !== ''),
  );
}

/** Rewrites the event type names of a hub `query` into `apiVersion`'s spelling. */
export function wireHubQuery(query: string, apiVersion: ApiVersionId): string {
  return query.replace(EVENT_TYPE_PARAM, (whole, value: string) => {
    const names = value
      .split(',')
      .map((n) => (n.trim() ? n.replace(n.trim(), wireEventType(n.trim(), apiVersion)) : n));
    return whole.slice(0, whole.length - value.length) + names.join(',');
  });
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
