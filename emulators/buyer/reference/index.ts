export { BUYER_FAULTS, BUYER_FAULT_NAMES, isBuyerFault, type BuyerFault } from './buyer-faults';
export { readOrderFixture, orderBody } from './order-body';
export {
  runReferenceBuyer,
  type ChargePolicy,
  type ReferenceBuyerOptions,
  type ReferenceBuyerResult,
  type ReferenceBuyerTask,
} from './reference-buyer';
