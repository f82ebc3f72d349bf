/**
 * The emulator on a real (scaled) clock: profile timings longer than setTimeout's 24.8-day limit
 * (a 30-day charge window, the `manual` outcome's "never") must not fire at once.
 */
import { ScaledClock } from '../../../src/clock';

afterEach(() => jest.useRealTimers());

test('a 40-day wait on a real clock fires after 40 days, not at once; cancel still works', () => {
  jest.useFakeTimers();
  const clock = new ScaledClock(1);
  const fired: string[] = [];
  clock.schedule(40 * 86_400_000, () => fired.push('40d'));
  const cancelled = clock.schedule(30 * 86_400_000, () => fired.push('30d'));
  jest.advanceTimersByTime(1000);
  cancelled.cancel();
  jest.advanceTimersByTime(39 * 86_400_000);
  expect(fired).toEqual([]);
  jest.advanceTimersByTime(86_400_000);
  expect(fired).toEqual(['40d']);
  clock.dispose();
});
