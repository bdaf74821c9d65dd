import type { RawValue } from '../datasets/sourceTable';
import { SeededRandom } from '../util/seededRandom';
import { type PatientAttributes, patientAt, randomDate } from './patientAttributes';

/** The patient population other datasets draw their patients from. */
export interface Population {
  seed: number;
  rows: number;
}

export const STATINS = ['atorvastatin', 'simvastatin', 'rosuvastatin', 'pravastatin'] as const;
export const DEXA_SITES = ['Lumbar spine', 'Femoral neck', 'Total hip'] as const;
export const LAB_TESTS = ['LDL', 'HDL', 'HBA1C', 'VITD', 'CALCIUM'] as const;
export const CLINICS = ['Cardiology', 'Rheumatology', 'Endocrinology', 'General'] as const;

const DOSES: Record<(typeof STATINS)[number], readonly number[]> = {
  atorvastatin: [10, 20, 40, 80],
  simvastatin: [10, 20, 40],
  rosuvastatin: [5, 10, 20, 40],
  pravastatin: [10, 20, 40],
};

const LAB_DISTRIBUTIONS: Record<
  (typeof LAB_TESTS)[number],
  { mean: number; sd: number; units: string; digits: number }
> = {
  LDL: { mean: 3.2, sd: 0.9, units: 'mmol/L', digits: 1 },
  HDL: { mean: 1.4, sd: 0.4, units: 'mmol/L', digits: 2 },
  HBA1C: { mean: 42, sd: 10, units: 'mmol/mol', digits: 0 },
  VITD: { mean: 60, sd: 25, units: 'nmol/L', digits: 0 },
  CALCIUM: { mean: 2.35, sd: 0.12, units: 'mmol/L', digits: 2 },
};

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Draws a patient, accepting each candidate with probability `accept(patient)`: how the
 * generator makes statin users older and DEXA patients mostly older women.
 */
function drawPatient(
  rng: SeededRandom,
  population: Population,
  accept: (p: PatientAttributes) => number,
): PatientAttributes {
  for (;;) {
    const candidate = patientAt(population.seed, rng.int(0, population.rows - 1));
    if (rng.next() < accept(candidate)) return candidate;
  }
}

/** Rows of the patients dataset, in the columns of `SOURCE_COLUMNS.patients`. */
export function patientRows(seed: number, rows: number): RawValue[][] {
  const out: RawValue[][] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const p = patientAt(seed, i);
    out[i] = [p.id, p.sex, p.age, p.region, p.bmi, p.smoker ? 'Y' : 'N', p.registeredOn];
  }
  return out;
}

/** Statin prescriptions; older patients are far more likely to have one. */
export function statinRows(seed: number, rows: number, population: Population): RawValue[][] {
  const rng = new SeededRandom(seed);
  const out: RawValue[][] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const p = drawPatient(rng, population, (x) => (x.age >= 65 ? 0.9 : x.age >= 45 ? 0.45 : 0.05));
    const drug = rng.weighted(STATINS.map((d, k) => [d, [5, 3, 3, 1][k] as number] as const));
    out[i] = [`RX${String(i + 1).padStart(7, '0')}`, p.id, drug, rng.pick(DOSES[drug]), randomDate(rng, 2015, 2024)];
  }
  return out;
}

/** DEXA scans; mostly women over 50, T-scores falling with age. */
export function dexaRows(seed: number, rows: number, population: Population): RawValue[][] {
  const rng = new SeededRandom(seed);
  const out: RawValue[][] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const p = drawPatient(rng, population, (x) => (x.sex === 'F' ? 0.7 : 0.25) * (x.age >= 50 ? 1 : 0.2));
    const t = round(rng.normal(-0.6 - Math.max(0, p.age - 50) * 0.035 - (p.sex === 'F' ? 0.4 : 0), 0.9), 1);
    const z = round(t + Math.max(0, p.age - 35) * 0.02 + rng.normal(0, 0.2), 1);
    const bmd = round(1.05 + 0.12 * t + rng.normal(0, 0.02), 3);
    out[i] = [p.id, randomDate(rng, 2016, 2024), rng.pick(DEXA_SITES), bmd, t, z];
  }
  return out;
}

/** Lab results, any patient; about 1% have no value (sample haemolysed). */
export function labRows(seed: number, rows: number, population: Population): RawValue[][] {
  const rng = new SeededRandom(seed);
  const out: RawValue[][] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const p = drawPatient(rng, population, () => 1);
    const test = rng.pick(LAB_TESTS);
    const d = LAB_DISTRIBUTIONS[test];
    const value = rng.chance(0.01) ? null : round(Math.max(0, rng.normal(d.mean, d.sd)), d.digits);
    out[i] = [p.id, test, value, d.units, randomDate(rng, 2018, 2024)];
  }
  return out;
}

/** Clinic visits in 2023 and 2024, plus a free-text note column (unmapped). */
export function visitRows(seed: number, rows: number, population: Population): RawValue[][] {
  const rng = new SeededRandom(seed);
  const out: RawValue[][] = new Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const p = drawPatient(rng, population, (x) => (x.age >= 40 ? 0.8 : 0.3));
    const clinic = rng.pick(CLINICS);
    const note = rng.chance(0.1) ? `Reviewed ${clinic.toLowerCase()} plan, see letter` : null;
    out[i] = [p.id, randomDate(rng, 2023, 2024), clinic, rng.int(10, 60), rng.chance(0.4) ? 'Yes' : 'No', note];
  }
  return out;
}
