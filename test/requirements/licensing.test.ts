import { REQUIREMENT_CATALOGUE } from '../../src/requirements/catalogue';
import { loadSource, statementText } from './support/source';
import { sharedRun, wordsOf } from './support/word-runs';

describe('sharedRun', () => {
  const source = 'The Seller MUST NOT send Notifications to Buyers who have not registered for them.';

  it('finds eight consecutive words copied from the statement, whatever the case and punctuation', () => {
    expect(sharedRun('Rule: the seller must not send notifications to buyers, ever', source)).toBe(
      'the seller must not send notifications to buyers',
    );
  });

  it('lets seven shared words pass, and a reworded line', () => {
    expect(
      sharedRun('the seller must not send notifications to anyone unregistered', source),
    ).toBeUndefined();
    expect(
      sharedRun('No notification goes to a Buyer that has not registered for it', source),
    ).toBeUndefined();
  });

  it('splits identifiers and markup into words', () => {
    expect(wordsOf('`product.place` with @type=X')).toEqual(['product', 'place', 'with', 'type', 'x']);
  });
});

const statements = loadSource();
const describeWithSource = describe;

describeWithSource('licensing: summaries are in our own words', () => {
  const texts = (statements ?? []).map((s) => ({ ref: `${s.doc} ${s.id}`, text: statementText(s) }));

  it.each(REQUIREMENT_CATALOGUE.map((e) => [e.id, e.summary] as const))(
    '%s shares no run of 8 words with any statement of Mplify 123.1, MEF 123 or MEF 57.2',
    (_id, summary) => {
      const copied = texts
        .map((t) => ({ ref: t.ref, run: sharedRun(summary, t.text) }))
        .filter((c) => c.run !== undefined);
      expect(copied).toEqual([]);
    },
  );
});
