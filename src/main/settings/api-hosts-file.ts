/**
 * The only way to add an API host besides the vendor's: a file shipped next to the packaged app
 * (`resources/api-hosts.json`, `{ "hosts": ["ecp.example.com"] }`), written by whoever builds
 * and signs the installer. The window has no way to write it.
 */
import { readFileSync } from 'node:fs';
import { parseApiHostsFile } from '../../yunxin/api-host';

export const API_HOSTS_FILE = 'api-hosts.json';

export function readApiHostsFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parseApiHostsFile(text);
}
