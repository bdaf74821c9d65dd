/** What replaces a scrubbed secret or field. */
export const SCRUBBED = '[scrubbed]';

/**
 * Secrets that must never reach a cassette file, wherever they appear in a string: the first group
 * (when present) is kept, the rest becomes {@link SCRUBBED}.
 */
export const DEFAULT_SECRET_PATTERNS: readonly RegExp[] = [
  // "Authorization: Bearer abc", "authorization=xyz", '"Authorization": "Basic …"'
  /(\bauthorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;&]+/gi,
  /(\bbearer\s+)[A-Za-z0-9._~+/-]+=*/gi,
  // api_key=…, "apiKey": "…", x-api-key: …, access_token, secret, password
  /(\b(?:x-)?(?:api[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|secret|password|token)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
  // Well-known token shapes: OpenAI/Anthropic keys, GitHub tokens, AWS access key ids.
  /()\bsk-[A-Za-z0-9_-]{16,}/g,
  /()\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /()\bAKIA[0-9A-Z]{16}\b/g,
];

/** `text` with every secret pattern replaced. */
export function scrubSecrets(text: string, patterns: readonly RegExp[] = DEFAULT_SECRET_PATTERNS): string {
  return patterns.reduce(
    (out, pattern) => out.replace(pattern, (_match, keep: string | undefined) => `${keep ?? ''}${SCRUBBED}`),
    text,
  );
}

/** A deep copy of `value` with {@link scrubSecrets} applied to every string in it. */
export function scrubSecretsDeep<T>(value: T, patterns?: readonly RegExp[]): T {
  if (typeof value === 'string') return scrubSecrets(value, patterns) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubSecretsDeep(item, patterns)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubSecretsDeep(v, patterns)])) as T;
  }
  return value;
}

/**
 * A deep copy of `value` with each dotted path (`payload.patientId`, `payload.rows.*.mrn`; `*` is every
 * key or index) replaced by {@link SCRUBBED}. Paths that lead nowhere are ignored.
 */
export function scrubPaths<T>(value: T, paths: readonly string[]): T {
  let out: unknown = value;
  for (const path of paths) out = scrubPath(out, path.split('.'));
  return out as T;
}

function scrubPath(value: unknown, segments: readonly string[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined || typeof value !== 'object' || value === null) return value;
  const replace = (child: unknown) => (rest.length === 0 ? SCRUBBED : scrubPath(child, rest));
  if (Array.isArray(value)) {
    return value.map((item, index) => (head === '*' || head === String(index) ? replace(item) : item));
  }
  const entries = Object.entries(value).map(([k, v]) => [k, head === '*' || head === k ? replace(v) : v]);
  return Object.fromEntries(entries);
}
