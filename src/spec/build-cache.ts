/**
 * The build's last step (`npm run build`): what every run would otherwise redo, worked out once. The
 * vendored YAML parsed to JSON (spec-cache.ts), then the response acceptors of every API version
 * compiled to code (acceptor-cache.ts). Either cache missing only costs time.
 */
import { writeAcceptorCache, acceptorCacheDir } from './acceptor-cache';
import { loadApiFacts } from './api-spec';
import { API_VERSION_INFO, type ApiVersionId } from './api-versions';
import { specCacheDir, writeSpecCache } from './spec-cache';

async function main(): Promise<void> {
  const { written, skipped } = writeSpecCache();
  const note = skipped.length ? `; parsed at run time instead: ${skipped.join(', ')}` : '';
  process.stdout.write(`spec cache: ${written} parsed YAML files as JSON in ${specCacheDir()}${note}\n`);
  const documents = (Object.keys(API_VERSION_INFO) as ApiVersionId[]).flatMap((id) => {
    const facts = loadApiFacts(id);
    return [facts.management.source, facts.notification.source];
  });
  const acceptors = await writeAcceptorCache(documents);
  process.stdout.write(
    `acceptor cache: ${acceptors.functions} validation functions for ${acceptors.documents} documents in ${acceptorCacheDir()}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `build cache: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
