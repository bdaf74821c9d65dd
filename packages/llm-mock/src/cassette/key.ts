import { createHash } from 'node:crypto';

/** What identifies a recorded answer. */
export interface CassetteKeyParts {
  feature: string;
  model: string;
  system: string;
  user: string;
  schemaVersion: string;
}

/**
 * sha256 of the parts, as a JSON array so that no two different calls concatenate to the same
 * text ("ab"+"c" vs "a"+"bc").
 */
export function cassetteKey(parts: CassetteKeyParts): string {
  const { feature, model, system, user, schemaVersion } = parts;
  return createHash('sha256')
    .update(JSON.stringify([feature, model, system, user, schemaVersion]))
    .digest('hex');
}
