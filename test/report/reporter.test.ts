import { PassThrough } from 'node:stream';
import {
  createReporters,
  parseReporterList,
  ReporterListError,
  ReporterMultiplexer,
  type Reporter,
} from '../../src/report';
import { mixedRun, passedScenario } from './sample-results';

describe('parseReporterList', () => {
  test('splits, trims, lower-cases and deduplicates', () => {
    expect(parseReporterList('console,json')).toEqual(['console', 'json']);
    expect(parseReporterList(' HTML , junit,html')).toEqual(['html', 'junit']);
    expect(parseReporterList(['console', 'json,junit'])).toEqual(['console', 'json', 'junit']);
  });

  test('names every unknown reporter at once, with a stable code', () => {
    let error: unknown;
    try {
      parseReporterList('console,xml,tap');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReporterListError);
    expect(error).toMatchObject({ code: 'report.unknownReporter', unknown: ['xml', 'tap'] });
    expect((error as Error).message).toBe(
      'unknown reporters "xml", "tap": expected a comma-separated list of console, json, junit, html',
    );
    expect(() => parseReporterList(' , ')).toThrow(expect.objectContaining({ code: 'report.noReporter' }));
  });

  test('every name has a factory', () => {
    const reporters = createReporters(['console', 'json', 'junit', 'html'], {
      stream: new PassThrough(),
      reportDir: '/nonexistent',
      color: false,
    });
    expect(reporters.map((r) => r.name)).toEqual(['console', 'json', 'junit', 'html']);
  });
});

describe('ReporterMultiplexer', () => {
  test('calls every reporter in order and isolates the ones that throw or reject', async () => {
    const calls: string[] = [];
    const record =
      (name: string): Reporter['onScenarioEnd'] =>
      (s) => {
        calls.push(`${name}:${s.id}`);
      };
    const boom = new Error('boom');
    const mux = new ReporterMultiplexer([
      { name: 'first', onScenarioEnd: record('first') },
      {
        name: 'thrower',
        onScenarioEnd: () => {
          throw boom;
        },
      },
      { onRunEnd: () => Promise.reject(new Error('disk full')) },
      { name: 'last', onScenarioEnd: record('last'), onRunEnd: () => void calls.push('last:end') },
    ]);
    await mux.onRunStart({ total: 1, target: 't', apiVersion: 'v' });
    await mux.onScenarioEnd(passedScenario());
    await mux.onRunEnd(mixedRun());
    expect(calls).toEqual(['first:PO-CREATE-001', 'last:PO-CREATE-001', 'last:end']);
    expect(mux.errors).toEqual([
      { reporter: 'thrower', hook: 'onScenarioEnd', error: boom },
      { reporter: 'reporter #3', hook: 'onRunEnd', error: new Error('disk full') },
    ]);
  });

  test('awaits asynchronous hooks one after the other', async () => {
    const order: string[] = [];
    const slow: Reporter = {
      onRunStart: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('slow');
      },
    };
    const mux = new ReporterMultiplexer([slow, { onRunStart: () => void order.push('fast') }]);
    await mux.onRunStart({ total: 0, target: 't', apiVersion: 'v' });
    expect(order).toEqual(['slow', 'fast']);
  });
});
