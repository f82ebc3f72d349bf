import type { ExchangeCheck } from './check-types';
import { finding } from './check-types';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** The status is one the operation documents (the spec's response set). */
export const statusDocumented: ExchangeCheck = {
  name: 'status-documented',
  run(ctx) {
    const { exchange, spec } = ctx;
    const op = exchange.operationId ? spec.management.operations.get(exchange.operationId) : undefined;
    const status = exchange.response?.status;
    if (!op || status === undefined || op.responses.has(status)) return [];
    return [
      finding(
        ctx,
        'status-documented',
        'status.undocumented',
        `${op.operationId} answered ${status}, not among the documented ${[...op.responses.keys()].join(', ')}`,
        {
          expected: [...op.responses.keys()],
          actual: status,
        },
      ),
    ];
  },
};

/** Bodies are JSON with the media type the spec names (`application/json;charset=utf-8`). */
export const contentType: ExchangeCheck = {
  name: 'content-type',
  run(ctx) {
    const response = ctx.exchange.response;
    if (!response || response.status === 204 || !response.body) return [];
    const type = response.headers['content-type'];
    if (!type)
      return [
        finding(ctx, 'content-type', 'contentType.missing', 'the response has a body but no Content-Type'),
      ];
    if (!JSON_TYPE.test(type)) {
      return [
        finding(
          ctx,
          'content-type',
          'contentType.notJson',
          `Content-Type is '${type}', not application/json`,
          { expected: 'application/json;charset=utf-8', actual: type },
        ),
      ];
    }
    if (!/charset\s*=\s*"?utf-8"?/i.test(type)) {
      return [
        finding(
          ctx,
          'content-type',
          'contentType.charset',
          `Content-Type '${type}' does not say charset=utf-8 as the spec does`,
          { severity: 'warning', expected: 'application/json;charset=utf-8', actual: type },
        ),
      ];
    }
    return [];
  },
};

/** A body that claims to be JSON parses as JSON. */
export const jsonParses: ExchangeCheck = {
  name: 'json-parses',
  run(ctx) {
    if (!ctx.jsonError || !ctx.exchange.response?.body) return [];
    // The client asks for `identity` and never inflates: a compressed body is a problem of its own.
    const coding = ctx.exchange.response.headers['content-encoding']?.trim().toLowerCase();
    if (coding && coding !== 'identity')
      return [
        finding(
          ctx,
          'json-parses',
          'body.contentEncoded',
          `the response body is content-encoded (${coding}) although the Buyer asked for identity; not decoded, not judged`,
        ),
      ];
    return [
      finding(ctx, 'json-parses', 'body.invalidJson', `the response body is not JSON: ${ctx.jsonError}`),
    ];
  },
};

/** 204 carries no body ([R107] for hub deletion; HTTP for every 204). */
export const noContentIsEmpty: ExchangeCheck = {
  name: 'no-content-empty',
  run(ctx) {
    const r = ctx.exchange.response;
    if (!r || r.status !== 204 || !r.body) return [];
    return [
      finding(ctx, 'no-content-empty', 'body.notEmpty', '204 No Content came with a body', {
        requirements: ['R107'],
      }),
    ];
  },
};

/**
 * The response conforms to the operation's documented response (prism-http: status, headers, body
 * schema). Each violation is one finding with its location.
 */
export const responseSchema: ExchangeCheck = {
  name: 'response-schema',
  run(ctx) {
    const { exchange, spec } = ctx;
    const response = exchange.response;
    if (!response || !exchange.operationId || !spec.management.http.has(exchange.operationId)) return [];
    const op = spec.management.operations.get(exchange.operationId);
    if (!op?.responses.has(response.status)) return []; // status-documented says it
    if (ctx.jsonError && response.body) return []; // json-parses says it
    const violations = spec.management.http.validateResponse(exchange.operationId, {
      status: response.status,
      headers: response.headers,
      body: ctx.json,
    });
    return violations
      .filter((v) => v.severity === 0)
      .map((v) =>
        finding(ctx, 'response-schema', `schema.${v.code}`, v.message, {
          pointer: v.location.startsWith('body') ? '/' + v.location.split('.').slice(1).join('/') : undefined,
        }),
      );
  },
};
