import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findScenarioFiles } from '../../src/scenario/find-scenario-files';

test('a directory walk leaves out the fixtures and profiles folders (bodies and Seller profiles)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-walk-'));
  const put = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'x: 1\n');
  };
  ['a/one.yaml', 'b/two.yml', 'fixtures/body.yaml', 'profiles/no-cancel.yaml', 'a/profiles/p.yaml'].forEach(
    put,
  );
  const { files, problems } = findScenarioFiles([root]);
  expect(problems).toEqual([]);
  expect(files.map((f) => path.relative(root, f))).toEqual([
    path.join('a', 'one.yaml'),
    path.join('b', 'two.yml'),
  ]);
  // A file named on the command line is taken as given.
  expect(findScenarioFiles([path.join(root, 'profiles/no-cancel.yaml')]).files).toHaveLength(1);
});
