/**
 * Simple valid scenarios for the scale figures: each creates a UNI install order (the catalog's fixture),
 * retrieves it and lists it by its externalId. No clock waits, no notifications: what grows is the number
 * of scenarios, nothing else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function scenario(n: number): string {
  const id = `GEN-${String(n).padStart(5, '0')}`;
  return `id: ${id}
title: Generated create, retrieve and list ${n}
requirements: [R17, R19]
tags: [bench]
fixtures: orders
vars:
  ext: LSO-\${runId}-\${scenarioId}
steps:
  - request:
      op: createProductOrder
      body: { $fixture: uni-install.json, set: { externalId: "\${ext}" } }
    expect: { status: 201 }
    save: { orderId: $.id }
  - request: { op: retrieveProductOrder, params: { id: "\${orderId}" } }
    expect: { status: 200, body: { id: { same: "\${orderId}" } } }
  - request: { op: listProductOrder, params: { externalId: "\${ext}" } }
    expect: { status: 200, count: 1 }
`;
}

/** Writes `count` scenario files into a new folder under `parent`; returns the folder. */
export function generateScenarios(parent: string, count: number): string {
  const dir = path.join(parent, `generated-${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= count; n++) {
    fs.writeFileSync(path.join(dir, `gen-${String(n).padStart(5, '0')}.yaml`), scenario(n));
  }
  return dir;
}
