/** One way in which a value departs from a schema: data, never thrown. */
export interface SchemaViolation {
  /** JSON Pointer (RFC 6901) into the validated value; '' is the value itself. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed (`required`, `enum`, `type`, `format`, …). */
  readonly keyword: string;
  readonly message: string;
  /** For `required`: the missing property; for `additionalProperties`: the unexpected one. */
  readonly property?: string;
}
