/**
 * The four API variants the harness speaks. Sonata and Cantata differ only by base path; v10/v5 (MEF 123)
 * and v11/v6 (Mplify 123.1) differ on the wire (notification payloads, places, one listener path).
 */
export const API_VERSIONS = ['sonata-v11', 'sonata-v10', 'cantata-v6', 'cantata-v5'] as const;
export type ApiVersionId = (typeof API_VERSIONS)[number];

/** Which standard a variant implements: decides version-specific behaviour (e.g. notification payloads). */
export type Generation = 'mplify-123.1' | 'mef-123';

export interface ApiVersionInfo {
  readonly id: ApiVersionId;
  readonly irp: 'sonata' | 'cantata';
  readonly major: string;
  readonly generation: Generation;
  /** Vendored files, relative to `specs/`. */
  readonly managementFile: string;
  readonly notificationFile: string;
  /** Base paths (no trailing slash) under which the two APIs are served. */
  readonly managementBasePath: string;
  readonly notificationBasePath: string;
}

function info(irp: 'sonata' | 'cantata', major: string, generation: Generation): ApiVersionInfo {
  const dir = `${irp}/${major}/productApi/order`;
  return {
    id: `${irp}-${major}` as ApiVersionId,
    irp,
    major,
    generation,
    managementFile: `${dir}/productOrderManagement.api.yaml`,
    notificationFile: `${dir}/productOrderNotification.api.yaml`,
    managementBasePath: `/mefApi/${irp}/productOrderingManagement/${major}`,
    notificationBasePath: `/mefApi/${irp}/productOrderingNotification/${major}`,
  };
}

export const API_VERSION_INFO: Readonly<Record<ApiVersionId, ApiVersionInfo>> = {
  'sonata-v11': info('sonata', 'v11', 'mplify-123.1'),
  'sonata-v10': info('sonata', 'v10', 'mef-123'),
  'cantata-v6': info('cantata', 'v6', 'mplify-123.1'),
  'cantata-v5': info('cantata', 'v5', 'mef-123'),
};

export const DEFAULT_API_VERSION: ApiVersionId = 'sonata-v11';

export function isApiVersionId(value: string): value is ApiVersionId {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** Infers the variant from a target URL's path (`…/sonata/productOrderingManagement/v10`), if it says. */
export function inferApiVersion(targetUrl: string): ApiVersionId | undefined {
  const match = /\/(sonata|cantata)\/productOrderingManagement\/(v\d+)\/?$/.exec(targetUrl);
  if (!match) return undefined;
  const id = `${match[1]}-${match[2]}`;
  return isApiVersionId(id) ? id : undefined;
}
