import type { CatalogWall } from './catalog-wall';
import type { EmulatorMemory } from './emulator-memory';
import type { EmulatorVsPrism } from './emulator-vs-prism';
import type { Machine } from './machine';
import type { OverheadFigure } from './overhead';
import type { ScaleCell } from './scaling';
import type { ValidationRow } from './validation-throughput';

/** Everything one `npm run bench` measured; a measurement that failed leaves its slot empty and says why. */
export interface BenchResults {
  readonly machine: Machine;
  readonly loadAtEnd: number;
  readonly durationS: number;
  readonly validation?: readonly ValidationRow[];
  readonly throughput?: EmulatorVsPrism;
  readonly emulatorMemory?: EmulatorMemory;
  readonly catalog?: CatalogWall;
  readonly overhead: readonly OverheadFigure[];
  readonly scaling?: readonly ScaleCell[];
  readonly errors: readonly string[];
}

export const TARGETS = {
  catalogWallS: 5,
  overheadRatio: 1.5,
  prismRatio: 3,
  validationPerSecond: 20_000,
} as const;
