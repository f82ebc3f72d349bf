import * as http from 'node:http';
import { sentHeaderRecord } from '../../../emulators/buyer/send-once';

/** What the recorded request headers used to be read from: Node's own header table, flattened. */
function fromNode(req: http.ClientRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.getHeaders())) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

describe('sentHeaderRecord', () => {
  const cases: [string, Record<string, string>][] = [
    ['http://127.0.0.1:9/x', { accept: 'application/json', 'content-length': '2' }],
    ['http://localhost/x', { Accept: 'a', 'X-Custom': 'b', 'x-custom': 'c' }],
    ['http://127.0.0.1:8080/x', { host: 'seller.example:443', 'user-agent': 'lso-harness' }],
    ['http://[::1]:8081/x', { Host: 'Other', authorization: 'Bearer t' }],
    ['https://seller.example/x', {}],
  ];
  it.each(cases)('records what Node holds for %s %j', (url, headers) => {
    const agent = new http.Agent();
    const req = http.request(url.replace('https:', 'http:'), { method: 'POST', headers, agent });
    req.on('error', () => undefined);
    try {
      expect(sentHeaderRecord(headers, req)).toEqual(fromNode(req));
      // Same order too: reports list headers as recorded.
      expect(Object.keys(sentHeaderRecord(headers, req))).toEqual(Object.keys(fromNode(req)));
    } finally {
      req.destroy();
      agent.destroy();
    }
  });
});
