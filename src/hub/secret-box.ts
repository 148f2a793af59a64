/**
 * AES-256-GCM for the admin-set AppSecret at rest. The key comes from HUB_SECRET_KEY (64 hex
 * characters or base64 of 32 bytes) or from a key file readable by the owner only (0600). The
 * database holds only { iv, tag, data }: a copy of the database alone does not reveal the secret.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

export function parseKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  return b.length === 32 ? b : undefined;
}

/**
 * Reads the key file, or creates it (0600, 32 random bytes) when missing and `create` is set.
 * Refuses a file that group or others can read: such a key protects nothing.
 */
export function loadKeyFile(path: string, create: boolean): Buffer {
  if (!existsSync(path)) {
    if (!create) throw new Error(`secret key file ${path} does not exist`);
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw new Error(`secret key file ${path} must be readable by its owner only (chmod 600), is ${mode.toString(8)}`);
  const key = parseKey(readFileSync(path, 'utf8'));
  if (!key) throw new Error(`secret key file ${path} must hold 64 hex characters or base64 of 32 bytes`);
  return key;
}

export function seal(key: Buffer, plaintext: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** undefined when the key is wrong or the data was tampered with (GCM authenticates both). */
export function open(key: Buffer, sealed: SealedSecret): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
