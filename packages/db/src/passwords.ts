import { type Algorithm, hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes).
// `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id.
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
