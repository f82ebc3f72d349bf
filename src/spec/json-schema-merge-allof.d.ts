/** The slice of @stoplight/json-schema-merge-allof (untyped) that the spec layer uses, as prism-http calls it. */
declare module '@stoplight/json-schema-merge-allof' {
  function mergeAllOf(
    schema: object,
    options?: { readonly deep?: boolean; readonly ignoreAdditionalProperties?: boolean },
  ): object;
  export = mergeAllOf;
}
