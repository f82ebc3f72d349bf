/**
 * The forms a secret takes once a peer re-encodes it. Raw, URL-encoded and JSON-escaped forms are found
 * as they are; a base64 (or base64url) encoding depends on where the secret starts within the encoded
 * bytes (`base64("Bearer " + token)` shares no prefix with `base64(token)`), so for each of the three
 * alignments we take the run of characters that encode the secret's bytes alone. Masking those hides
 * all but at most two bytes at either end, whatever precedes or follows the secret.
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Drop the first quantum when it also carries unknown prefix bits, and the last partial quantum.
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor((shift + bytes.length) / 3) * 4;
    const core = encoded.slice(start, end);
    if (core.length >= 8) {
      out.add(core);
      out.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...out];
}
