/** UC 12: the Buyer's answer to a charge: every item at once, each with its acceptanceIndicator, in time. */
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import { asObject, asObjects, type SellerFacts, type Violation } from './buyer-check-types';

export function chargeAnswerViolations(
  record: RecordedBuyerRequest,
  all: readonly RecordedBuyerRequest[],
  seller: SellerFacts,
): Violation[] {
  const id = record.params['id'] ?? '';
  const charge = seller.charge(id);
  const body = asObject(record.json);
  if (!charge || !body) return [];
  const out: Violation[] = [];
  if (record.at > Date.parse(charge.responseDueDate))
    out.push({
      code: 'buyer.charge.late',
      message: `the answer came ${new Date(record.at).toISOString()}, after the responseDueDate ${charge.responseDueDate}: the Seller had to treat the charge as declined (R96, R97)`,
      requirements: ['R96', 'R97'],
    });
  const earlier = all.find(
    (r) =>
      r.seq < record.seq &&
      r.operationId === 'patchCharge' &&
      r.params['id'] === id &&
      r.status >= 200 &&
      r.status < 300,
  );
  if (earlier)
    out.push({
      code: 'buyer.charge.repeated',
      message: `the charge was already answered (${earlier.id}); all items are answered at once, in one update (R97)`,
      requirements: ['R97'],
    });
  const answers = asObjects(body['chargeItem']);
  const answered = new Set(answers.map((a) => String(a['id'])));
  const unanswered = charge.itemIds.filter((i) => !answered.has(i));
  if (unanswered.length > 0)
    out.push({
      code: 'buyer.charge.partial',
      message: `charge item(s) ${unanswered.join(', ')} not answered: the Buyer answers every item of a charge at once (R96, R97)`,
      requirements: ['R96', 'R97'],
      pointer: '/chargeItem',
    });
  answers.forEach((a, i) => {
    if (!charge.itemIds.includes(String(a['id'])))
      out.push({
        code: 'buyer.charge.unknownItem',
        message: `the charge has no item '${String(a['id'])}' (R97)`,
        requirements: ['R97'],
        pointer: `/chargeItem/${i}/id`,
      });
    if (a['acceptanceIndicator'] !== 'accepted' && a['acceptanceIndicator'] !== 'rejected')
      out.push({
        code: 'buyer.charge.noAcceptance',
        message: `charge item '${String(a['id'])}' needs acceptanceIndicator accepted or rejected (R96)`,
        requirements: ['R96'],
        pointer: `/chargeItem/${i}/acceptanceIndicator`,
      });
  });
  return out;
}
