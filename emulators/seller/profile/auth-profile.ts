import { DEFAULT_PROFILE } from './default-profile';
import type { AuthClient, AuthSettings, StaticToken } from './profile-types';

/** Secrets shorter than this are refused: they would be guessable, and too short to redact safely. */
export const MIN_SECRET_CHARS = 8;

const secret = { type: 'string', minLength: MIN_SECRET_CHARS };
const id = { type: 'string', minLength: 1 };

/** JSON Schema of the profile's `auth` block (see docs/SELLER-EMULATOR.md, "Authentication"). */
export const AUTH_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['mode'],
  properties: {
    mode: { enum: ['none', 'bearer', 'oauth2'] },
    tokenTtl: {
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'number', minimum: 0 },
      ],
    },
    tokens: {
      type: 'array',
      items: {
        anyOf: [
          secret,
          {
            type: 'object',
            additionalProperties: false,
            required: ['token'],
            properties: { token: secret, buyerId: id },
          },
        ],
      },
    },
    clients: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['clientId', 'clientSecret'],
        properties: {
          clientId: id,
          clientSecret: secret,
          buyerId: id,
          scopes: { type: 'array', items: id },
        },
      },
    },
  },
} as const;

type Raw = Record<string, unknown>;

/**
 * The `auth` block of a profile whose shape AUTH_SCHEMA has accepted: durations in milliseconds, tokens
 * as objects, and the rules the schema cannot say (a mode with nothing to accept, duplicate client ids).
 */
export function readAuthSettings(
  raw: Raw,
  problem: (pointer: string, code: string, message: string) => void,
  durationAt: (pointer: string, input: unknown, fallback: number) => number,
): AuthSettings {
  const block = raw['auth'] as Raw | undefined;
  const capabilities = raw['capabilities'] as Raw | undefined;
  if (capabilities?.['authentication'] !== undefined)
    problem(
      '/capabilities/authentication',
      'profile.auth',
      'capabilities.authentication follows auth.mode; set auth: { mode: bearer | oauth2 } instead',
    );
  if (!block) return DEFAULT_PROFILE.auth;
  const mode = block['mode'] as AuthSettings['mode'];
  const tokens = ((block['tokens'] as (string | StaticToken)[] | undefined) ?? []).map((t) =>
    typeof t === 'string' ? { token: t } : t,
  );
  const clients = (block['clients'] as AuthClient[] | undefined) ?? [];
  if (mode === 'bearer' && tokens.length === 0)
    problem('/auth', 'profile.auth', 'auth.mode bearer needs at least one entry in auth.tokens');
  if (mode === 'oauth2' && clients.length === 0)
    problem('/auth', 'profile.auth', 'auth.mode oauth2 needs at least one entry in auth.clients');
  if (mode === 'none' && (tokens.length > 0 || clients.length > 0))
    problem(
      '/auth/mode',
      'profile.auth',
      'auth.mode none accepts no credentials: tokens and clients are unused',
    );
  if (mode === 'bearer' && clients.length > 0)
    problem(
      '/auth/clients',
      'profile.auth',
      'auth.clients need auth.mode oauth2 (bearer mode has no token endpoint)',
    );
  const seen = new Set<string>();
  clients.forEach((c, i) => {
    if (seen.has(c.clientId))
      problem(`/auth/clients/${i}/clientId`, 'profile.auth', `duplicate clientId '${c.clientId}'`);
    seen.add(c.clientId);
  });
  return {
    mode,
    tokens,
    clients,
    tokenTtl: durationAt('/auth/tokenTtl', block['tokenTtl'], DEFAULT_PROFILE.auth.tokenTtl),
  };
}
