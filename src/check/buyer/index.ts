export * from './buyer-check-types';
export { BUYER_REQUEST_CHECKS, judgeBuyerRequest } from './request-checks';
export { groupByEvent, judgeDelivery } from './delivery-checks';
export { judgeBuyerConversation, type BuyerConversation } from './judge-buyer-scenario';
export { issuedHubIds, subscribedTypes } from './hub-rules';
export { ordersOf } from './task-rules';
