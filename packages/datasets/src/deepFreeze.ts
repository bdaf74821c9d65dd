import { types } from 'node:util';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type AnyFunction = (...args: never[]) => unknown;

/** True when some property of `T` is a function: a class instance (Date, Arrow Table…) in practice. */
type HasMethods<T> = { [K in keyof T]-?: T[K] extends AnyFunction ? true : never }[keyof T] extends never
  ? false
  : true;

/**
 * `T` as {@link deepFreeze} leaves it: arrays and plain objects readonly all the way down, Maps and
 * Sets readonly views. Types with methods (class instances: Date, typed arrays, Arrow tables…) are
 * kept as they are, because deepFreeze does not freeze them either (see the package README).
 */
export type DeepReadonly<T> = T extends Primitive | AnyFunction
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
    : T extends ReadonlySet<infer V>
      ? ReadonlySet<DeepReadonly<V>>
      : T extends readonly unknown[]
        ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
        : HasMethods<T> extends true
          ? T
          : { readonly [K in keyof T]: DeepReadonly<T[K]> };

/**
 * Freezes `value` in place and returns it: plain objects and arrays with `Object.freeze`, recursively;
 * Maps and Sets get mutators that throw (`set`/`add`/`delete`/`clear`) and frozen contents. Class
 * instances, typed arrays and other objects are left untouched: freezing them would break their
 * internal caches (an Arrow table memoises on itself) or throws (non-empty typed arrays).
 * Plain-ness is checked by prototype shape, so values from another realm (test file) are recognised.
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  freezeInPlace(value, new WeakSet());
  return value as DeepReadonly<T>;
}

function freezeInPlace(value: unknown, seen: WeakSet<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (types.isMap(value)) {
    lockMutators(value, 'Map', ['set', 'delete', 'clear']);
    for (const [key, item] of value) {
      freezeInPlace(key, seen);
      freezeInPlace(item, seen);
    }
  } else if (types.isSet(value)) {
    lockMutators(value, 'Set', ['add', 'delete', 'clear']);
    for (const item of value) freezeInPlace(item, seen);
  } else if (Array.isArray(value) || isPlainObject(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      // Read through descriptors: a getter is not run (it could be expensive or throw).
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) freezeInPlace(descriptor.value, seen);
    }
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // `Object.prototype` of any realm has a null prototype; a class instance's prototype does not.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Shadows the mutators with own properties that throw, then freezes the collection object itself. */
function lockMutators(collection: object, kind: string, methods: string[]): void {
  for (const method of methods) {
    Object.defineProperty(collection, method, {
      value: () => {
        throw new TypeError(
          `Cannot ${method}() on a frozen ${kind}: worker fixture values are shared read-only; copy it first (new ${kind}(value))`,
        );
      },
      enumerable: false,
    });
  }
  Object.freeze(collection);
}
