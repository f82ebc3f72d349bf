/** A short label for a step, for people (reports, console): its `name`, else what it does. */
import type { Step } from './types';

export function describeStep(step: Step): string {
  if (step.name) return step.name;
  switch (step.kind) {
    case 'request':
      return step.op;
    case 'poll':
      return `poll ${step.op}`;
    case 'await-notification':
      return `await ${step.count > 1 ? `${step.count} × ` : ''}${step.types.join(' or ')}`;
    case 'expect-no-notification':
      return `expect no ${step.types.length ? step.types.join(' or ') : 'notification'}`;
    case 'register-hub':
      return step.query ? `register hub (${step.query})` : 'register hub';
    case 'unregister-hub':
      return 'unregister hub';
    case 'control':
      return `emulator: ${step.action}`;
    case 'prompt':
      return 'prompt';
    case 'sleep':
      return `sleep ${step.durationMs}ms`;
    case 'set':
      return `set ${step.values.map((v) => v.var).join(', ')}`;
    case 'expect-buyer-request':
      return `expect the Buyer to send ${step.count > 1 ? `${step.count} × ` : ''}${step.op}`;
    case 'expect-delivery':
      return `expect delivery of ${step.types.join(' or ')}`;
    case 'send-event':
      return `send ${step.source.kind === 'event' ? '' : `${step.source.kind} `}${step.type}`;
  }
}
