export { BuyerTrafficRecorder, type RecordedBuyerRequest, type RecorderOptions } from './buyer-recorder';
export { buyerRequestExchange } from './record-exchange';
export { matchOperation, type MatchedOperation } from './match-operation';
export { deliveryExchange } from './delivery-exchange';
