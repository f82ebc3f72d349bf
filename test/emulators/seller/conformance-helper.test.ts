import { loadApiSpec, type ApiSpec } from '../../../src/spec';
import { conformanceProblems, notificationProblems, JSON_MEDIA_TYPE } from './support/conformance';

/** The helper must fail what it is meant to catch, or a green suite proves nothing. */
describe('conformance helper', () => {
  let spec: ApiSpec;
  beforeAll(async () => {
    spec = await loadApiSpec('sonata-v11');
  });
  const json = { 'content-type': JSON_MEDIA_TYPE };
  const notFound = JSON.stringify({ code: 'notFound', reason: 'no such order' });

  test('accepts a documented, well-formed answer', () => {
    expect(
      conformanceProblems(spec, 'retrieveProductOrder', { status: 404, headers: json, text: notFound }),
    ).toEqual([]);
  });

  test('fails an undocumented status', () => {
    expect(
      conformanceProblems(spec, 'listProductOrder', { status: 404, headers: json, text: notFound }),
    ).toEqual(expect.arrayContaining([expect.stringContaining('status 404 is not documented')]));
  });

  test('fails a content type other than application/json;charset=utf-8', () => {
    const problems = conformanceProblems(spec, 'retrieveProductOrder', {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      text: notFound,
    });
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('content-type')]));
  });

  test('fails a body that breaks the schema, through ajv and prism', () => {
    const problems = conformanceProblems(spec, 'retrieveProductOrder', {
      status: 404,
      headers: json,
      text: JSON.stringify({ code: 'gone', reason: 'x' }),
    });
    expect(problems.some((p) => p.startsWith('ajv Error404'))).toBe(true);
    expect(problems.some((p) => p.startsWith('prism'))).toBe(true);
  });

  test('a 422 must be an array; a 204 must have no body', () => {
    const one = JSON.stringify({ code: 'invalidValue', reason: 'x' });
    expect(
      conformanceProblems(spec, 'createProductOrder', { status: 422, headers: json, text: one }),
    ).not.toEqual([]);
    expect(
      conformanceProblems(spec, 'createProductOrder', { status: 422, headers: json, text: `[${one}]` }),
    ).toEqual([]);
    expect(conformanceProblems(spec, 'unregisterListener', { status: 204, headers: {}, text: '' })).toEqual(
      [],
    );
    expect(
      conformanceProblems(spec, 'unregisterListener', { status: 204, headers: json, text: '{}' }),
    ).not.toEqual([]);
  });

  test('notifications: the schema of the event type, and eventType matching the endpoint', () => {
    const body = {
      eventId: 'e1',
      eventTime: '2026-01-05T09:00:00.000Z',
      eventType: 'productOrderStateChangeEvent',
      event: { id: 'o1', state: 'inProgress' },
    };
    expect(notificationProblems(spec, 'productOrderStateChangeEvent', body)).toEqual([]);
    expect(notificationProblems(spec, 'productOrderItemStateChangeEvent', body)).not.toEqual([]);
    expect(
      notificationProblems(spec, 'productOrderStateChangeEvent', { ...body, event: { id: 'o1' } }),
    ).not.toEqual([]);
    expect(notificationProblems(spec, 'noSuchEvent', body)).not.toEqual([]);
  });
});
