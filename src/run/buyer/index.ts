export { runBuyerScenarios, type BuyerRunRequest } from './run-buyer-scenarios';
export { runBuyerScenario } from './buyer-scenario-runner';
export { SellerHub, type SellerSlot } from './seller-hub';
export { startBuyerProcess, type BuyerProcess, type BuyerExit } from './buyer-process';
export type { BuyerDriver, BuyerRunEnvironment } from './buyer-run-types';
export { buyerScenarioProfile } from './buyer-profile';
export { TASK_TEXT } from './buyer-announce';
