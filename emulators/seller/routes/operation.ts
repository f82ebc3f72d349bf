import type { ServerResponse } from 'node:http';
import type { OperationInfo } from '../../../src/spec';
import type { SellerContext } from '../context';
import type { BodyRequest } from '../http/body-reader';
import { httpErrors } from '../http/errors';
import type { TypedQuery } from '../http/validate-request';
import type { Owned } from '../state/store';

/** One call of an API operation, validated up to the query; handlers read the body themselves. */
export interface OperationCall {
  readonly op: OperationInfo;
  readonly params: Readonly<Record<string, string>>;
  readonly query: TypedQuery;
  /** The Buyer (and Seller) the request speaks for ([R2]/[R3]): resources are visible to it only. */
  readonly owner: Owned;
  /** Its body already read (`req.body`, as express.raw leaves it). */
  readonly req: BodyRequest;
  readonly res: ServerResponse;
}

export type OperationHandler = (ctx: SellerContext, call: OperationCall) => void;

/** A resource created for one Buyer is invisible to another: 404, as if it did not exist. */
export function ownedBy(owner: Owned, resource: Owned): boolean {
  return resource.buyerId === owner.buyerId;
}

export function findOwned<R extends Owned>(
  map: ReadonlyMap<string, R>,
  id: string,
  owner: Owned,
  what: string,
): R {
  const found = map.get(id);
  if (!found || !ownedBy(owner, found)) throw httpErrors.notFound(`no ${what} with id '${id}'`);
  return found;
}

export function ownerOf(query: TypedQuery): Owned {
  const buyerId = typeof query['buyerId'] === 'string' ? query['buyerId'] : undefined;
  const sellerId = typeof query['sellerId'] === 'string' ? query['sellerId'] : undefined;
  return { ...(buyerId ? { buyerId } : {}), ...(sellerId ? { sellerId } : {}) };
}

/**
 * Runs `fn` once the response has been written: the Buyer has its answer before anything follows. Also on
 * `close` (a client that hangs up early): the resource exists, so its lifecycle must start anyway.
 */
export function afterResponse(res: ServerResponse, fn: () => void): void {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    fn();
  };
  res.once('finish', once);
  res.once('close', once);
}
