import * as charge from './charge-routes';
import * as hub from './hub-routes';
import type { OperationHandler } from './operation';
import * as order from './product-order-routes';
import * as task from './task-routes';

/** Every operation of the management API, by operationId (the spec supplies method and path). */
export const OPERATION_HANDLERS: Readonly<Record<string, OperationHandler>> = {
  createProductOrder: order.createProductOrder,
  listProductOrder: order.listProductOrder,
  retrieveProductOrder: order.retrieveProductOrder,
  patchProductOrder: order.patchProductOrder,
  createCancelProductOrder: task.createCancelProductOrder,
  listCancelProductOrder: task.listCancelProductOrder,
  retrieveCancelProductOrder: task.retrieveCancelProductOrder,
  createModifyProductOrderItemRequestedDeliveryDate: task.createModifyProductOrderItemRequestedDeliveryDate,
  listModifyProductOrderItemRequestedDeliveryDate: task.listModifyProductOrderItemRequestedDeliveryDate,
  retrieveModifyProductOrderItemRequestedDeliveryDate:
    task.retrieveModifyProductOrderItemRequestedDeliveryDate,
  listCharge: charge.listCharge,
  retrieveCharge: charge.retrieveCharge,
  patchCharge: charge.patchCharge,
  registerListener: hub.registerListener,
  retrieveHub: hub.retrieveHub,
  unregisterListener: hub.unregisterListener,
};
