/**
 * Deliberate deviations the Seller emulator can be told to make (profile `faults:`), each a realistic
 * departure from a named requirement. The conformance self-check runs the catalog against each one and
 * expects at least one scenario to catch it. Filled by the catalog work; empty means a faithful Seller.
 */
export interface FaultDefinition {
  readonly name: string;
  readonly requirements: readonly string[];
  readonly summary: string;
}

export const FAULT_CATALOG: readonly FaultDefinition[] = [];

export const KNOWN_FAULTS: readonly string[] = FAULT_CATALOG.map((f) => f.name);
