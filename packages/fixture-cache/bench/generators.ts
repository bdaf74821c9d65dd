import { type Table, tableFromArrays } from 'apache-arrow';
import * as ExcelJS from 'exceljs';

/** mulberry32: a small seeded PRNG, so every run builds the same data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CATEGORIES = Array.from({ length: 50 }, (_, i) => `category-${String(i).padStart(2, '0')}`);
const START = Date.UTC(2024, 0, 1);

/** A table like a test fixture generator makes: 5 columns (int, float, bool, dictionary string, timestamp). */
export function buildTable(rows: number, seed: number): Table {
  const random = createRandom(seed);
  const id = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const active = new Array<boolean>(rows);
  const category = new Array<string>(rows);
  const visitedAt = new Array<Date>(rows);
  for (let i = 0; i < rows; i += 1) {
    id[i] = i;
    amount[i] = Math.round(random() * 1_000_000) / 100;
    active[i] = random() < 0.7;
    category[i] = CATEGORIES[Math.floor(random() * CATEGORIES.length)] as string;
    visitedAt[i] = new Date(START + Math.floor(random() * 365 * 86_400_000));
  }
  return tableFromArrays({ id, amount, active, category, visitedAt });
}

/** An Excel workbook of `rows` rows × 5 columns, written with exceljs (the usual, non-streaming API). */
export async function writeWorkbook(target: string, rows: number, seed: number): Promise<void> {
  const random = createRandom(seed);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('visits');
  sheet.columns = [
    { header: 'id', key: 'id' },
    { header: 'patient', key: 'patient' },
    { header: 'visited', key: 'visited' },
    { header: 'amount', key: 'amount' },
    { header: 'category', key: 'category' },
  ];
  for (let i = 0; i < rows; i += 1) {
    sheet.addRow({
      id: i,
      patient: `patient-${Math.floor(random() * 10_000)}`,
      visited: new Date(START + Math.floor(random() * 365 * 86_400_000)),
      amount: Math.round(random() * 100_000) / 100,
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
    });
  }
  await workbook.xlsx.writeFile(target);
}
