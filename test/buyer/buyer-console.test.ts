import { PassThrough } from 'node:stream';
import { createConsoleReporter } from '../../src/report/console-reporter';

test('the console names the Buyer under test and that the harness plays the Seller', async () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  const reporter = createConsoleReporter({ stream, color: false });
  await reporter.onRunStart?.({
    total: 2,
    target: 'command node bin/lso-harness.js buyer',
    apiVersion: 'sonata-v11',
    role: 'buyer',
    harnessVersion: '0.1.0',
  });
  expect(text).toBe(
    'lso-harness 0.1.0 · sonata-v11 · Buyer under test: command node bin/lso-harness.js buyer\n' +
      'the harness plays the Seller (an emulator per scenario) · 2 scenarios\n\n',
  );
});
