import { deriveSeed, SeededRandom } from '../util/seededRandom';

export const REGIONS = ['North', 'South', 'East', 'West', 'Central'] as const;

/** One synthetic patient. */
export interface PatientAttributes {
  id: string;
  sex: 'F' | 'M';
  age: number;
  region: string;
  bmi: number | null;
  smoker: boolean;
  registeredOn: Date;
}

/** The id of patient number `index` (0-based): `P0000001` for index 0. */
export function patientId(index: number): string {
  return `P${String(index + 1).padStart(7, '0')}`;
}

/**
 * Patient number `index` of a population generated from `seed`. Each patient has its own
 * random stream, so any generator can look a patient up without generating the others.
 */
export function patientAt(seed: number, index: number): PatientAttributes {
  const rng = new SeededRandom(deriveSeed(seed, index));
  const sex = rng.chance(0.52) ? 'F' : 'M';
  const age = Math.round(Math.min(95, Math.max(18, rng.normal(52, 18))));
  const region = rng.weighted(REGIONS.map((r, i) => [r, [3, 3, 2, 2, 4][i] as number] as const));
  const bmi = rng.chance(0.03) ? null : Math.round(Math.min(55, Math.max(15, rng.normal(27.5, 5))) * 10) / 10;
  const smoker = rng.chance(age < 40 ? 0.22 : age < 65 ? 0.17 : 0.1);
  const registeredOn = randomDate(rng, 2005, 2024);
  return { id: patientId(index), sex, age, region, bmi, smoker, registeredOn };
}

/** A UTC-midnight date between Jan 1 of `fromYear` and Dec 31 of `toYear`. */
export function randomDate(rng: SeededRandom, fromYear: number, toYear: number): Date {
  const from = Date.UTC(fromYear, 0, 1);
  const days = Math.round((Date.UTC(toYear, 11, 31) - from) / 86_400_000);
  return new Date(from + rng.int(0, days) * 86_400_000);
}
