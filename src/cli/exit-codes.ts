/** The CLI's exit codes (DESIGN.md, CLI contract). Only the CLI turns outcomes into these. */
export const EXIT = {
  /** Every applicable check passed. */
  ok: 0,
  /** At least one conformance failure. */
  nonConformant: 1,
  /** Bad usage or invalid input (scenario, profile, spec): nothing ran. */
  badInput: 2,
  /** The run could not complete (harness or infrastructure error); reports still written. */
  runError: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Thrown by option parsing and loaders for input the user must fix; mapped to exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
