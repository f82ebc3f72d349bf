import { execFileSync } from 'node:child_process';
import { shellQuote, toCurl } from '../../src/report';
import { exchange } from './sample-results';

/** What bash actually passes to curl: the line run with `curl` replaced by a function printing argv. */
function argvOf(line: string): string[] {
  const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('curl replay line', () => {
  test('replays method, URL, headers and body, quoting a body with a single quote', () => {
    const request = exchange().request;
    const line = toCurl(request);
    expect(line).toBe(
      "curl -X POST 'https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder' " +
        "-H 'content-type: application/json' -H 'accept: application/json' " +
        `--data-binary '{"externalId":"O'\\''Brien-001","productOrderItem":[{"id":"1","action":"add"}]}'`,
    );
    expect(argvOf(line)).toEqual([
      '-X',
      'POST',
      request.url,
      '-H',
      'content-type: application/json',
      '-H',
      'accept: application/json',
      '--data-binary',
      request.body,
    ]);
  });

  test('nothing in a hostile value escapes its quotes', () => {
    const nasty = `a'b"c $(touch /tmp/pwned) \`id\` \\ $HOME ;|& \n\t!x \u001b[31m \u0007`;
    expect(argvOf(`curl ${shellQuote(nasty)}`)).toEqual([nasty]);
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('bell\u0007')).toBe("$'bell\\x07'");
  });

  test('skips headers curl sets itself, sends empty headers, leaves GET bodies off', () => {
    const line = toCurl({
      method: 'get',
      url: 'https://x.example/productOrder?state=completed&limit=10',
      headers: { host: 'x.example', 'accept-encoding': 'gzip', 'x-empty': '', authorization: 'Bearer ***' },
    });
    expect(line).toBe(
      "curl -X GET 'https://x.example/productOrder?state=completed&limit=10' -H 'x-empty;' -H 'authorization: Bearer ***'",
    );
  });

  test('a body over the inline limit is referenced as a file', () => {
    const line = toCurl(
      { method: 'POST', url: 'https://x.example/', headers: {}, body: 'x'.repeat(100) },
      { maxInlineBody: 10 },
    );
    expect(line).toBe("curl -X POST 'https://x.example/' --data-binary @request-body");
  });
});
