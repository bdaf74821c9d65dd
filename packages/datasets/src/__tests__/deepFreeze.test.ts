import * as vm from 'node:vm';
import { type DeepReadonly, deepFreeze } from '../deepFreeze';

describe('deepFreeze', () => {
  it('freezes plain objects and arrays all the way down; writes throw in strict mode', () => {
    const value = deepFreeze({ patients: [{ id: 1, tags: ['a'] }], meta: { source: 'csv' } });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.patients[0]?.tags)).toBe(true);
    const writable = value as unknown as { meta: { source: string }; patients: { id: number }[] };
    expect(() => {
      writable.meta.source = 'xlsx';
    }).toThrow(TypeError);
    expect(() => writable.patients.push({ id: 2 })).toThrow(TypeError);
    expect(() => {
      (writable.patients[0] as { id: number }).id = 3;
    }).toThrow(TypeError);
    expect(value.meta.source).toBe('csv');
  });

  it('blocks the mutators of Maps and Sets and freezes what they hold', () => {
    const value = deepFreeze({ byId: new Map([[1, { name: 'a' }]]), ids: new Set([{ id: 1 }]) });
    expect(() => (value.byId as Map<number, unknown>).set(2, {})).toThrow('Cannot set() on a frozen Map');
    expect(() => (value.byId as Map<number, unknown>).delete(1)).toThrow('Cannot delete() on a frozen Map');
    expect(() => (value.ids as Set<unknown>).add(2)).toThrow('Cannot add() on a frozen Set');
    expect(() => (value.ids as Set<unknown>).clear()).toThrow('Cannot clear() on a frozen Set');
    expect(Object.isFrozen(value.byId.get(1))).toBe(true);
    expect(Object.isFrozen([...value.ids][0])).toBe(true);
    // Reading still works, and a copy is an ordinary mutable Map.
    expect(value.byId.get(1)).toEqual({ name: 'a' });
    const copy = new Map(value.byId);
    copy.set(2, { name: 'b' });
    expect(copy.size).toBe(2);
  });

  it('leaves class instances, Dates and typed arrays as they are (read-only by convention)', () => {
    class Table {
      cached: number | undefined;
      count(): number {
        this.cached ??= 42;
        return this.cached;
      }
    }
    const value = deepFreeze({ table: new Table(), when: new Date(0), column: new Float64Array([1, 2]) });
    expect(Object.isFrozen(value)).toBe(true);
    expect(value.table.count()).toBe(42);
    expect(Object.isFrozen(value.table)).toBe(false);
    expect(Object.isFrozen(value.when)).toBe(false);
    expect(Object.isFrozen(value.column)).toBe(false);
  });

  it('handles cycles and does not run getters', () => {
    const getter = jest.fn(() => 1);
    const node: { self?: unknown; lazy?: number } = {};
    node.self = node;
    Object.defineProperty(node, 'lazy', { get: getter, enumerable: true });
    deepFreeze(node);
    expect(Object.isFrozen(node)).toBe(true);
    expect(getter).not.toHaveBeenCalled();
  });

  it('recognises plain objects and arrays made in another realm (another test file)', () => {
    const foreign = vm.runInNewContext('({ rows: [{ id: 1 }], nothing: Object.create(null) })') as {
      rows: { id: number }[];
      nothing: object;
    };
    deepFreeze(foreign);
    expect(Object.isFrozen(foreign.rows[0])).toBe(true);
    expect(Object.isFrozen(foreign.nothing)).toBe(true);
  });

  it('returns primitives unchanged', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBeNull();
  });
});

describe('DeepReadonly', () => {
  it('types nested data readonly and keeps class instances usable', () => {
    interface Value {
      rows: { id: number }[];
      byId: Map<string, { id: number }>;
      when: Date;
    }
    const value = deepFreeze<Value>({ rows: [{ id: 1 }], byId: new Map(), when: new Date(0) });
    // @ts-expect-error rows are readonly
    expect(() => value.rows.push({ id: 2 })).toThrow(TypeError);
    // @ts-expect-error nested objects are readonly
    expect(() => (value.rows[0]!.id = 2)).toThrow(TypeError);
    // @ts-expect-error Maps are ReadonlyMaps
    expect(() => value.byId.set('a', { id: 1 })).toThrow(TypeError);
    const when: Date = value.when;
    const readonlyRows: DeepReadonly<{ id: number }[]> = value.rows;
    expect(when.getTime()).toBe(0);
    expect(readonlyRows).toHaveLength(1);
  });
});
