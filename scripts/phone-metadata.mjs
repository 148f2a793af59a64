/**
 * Generates src/shared/phone-metadata.cn.json: libphonenumber-js's *max* metadata cut down to
 * mainland China (+86), the only country the ECP API can ring. The full metadata is a third of the
 * renderer's first-screen bundle; China alone is a few kilobytes and answers every question
 * src/shared/phone.ts asks (valid ranges and number types of +86).
 *
 * Reproducible: the output depends only on the installed libphonenumber-js version (recorded in
 * the file) and is formatted with the repository's Prettier settings, so re-running it after
 * `npm ci` gives the committed file byte for byte (tests/unit/shared/phone-metadata.test.ts checks).
 *
 *   node scripts/phone-metadata.mjs          rewrite the file
 *   npm run phone-metadata                   the same
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(ROOT, 'src/shared/phone-metadata.cn.json');

/** The countries kept, by calling code: +86 is CN alone. */
const KEEP = { 86: ['CN'] };

/** @returns {Promise<string>} the file's text */
export async function generatePhoneMetadata() {
  const max = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8'));
  const { version: libraryVersion } = JSON.parse(readFileSync(join(dirname(require.resolve('libphonenumber-js/metadata.max.json')), 'package.json'), 'utf8'));
  /** @type {Record<string, string[]>} */
  const callingCodes = {};
  /** @type {Record<string, unknown>} */
  const countries = {};
  for (const [code, regions] of Object.entries(KEEP)) {
    callingCodes[code] = regions;
    for (const region of regions) {
      if (!max.countries[region]) throw new Error(`libphonenumber-js has no metadata for ${region}`);
      countries[region] = max.countries[region];
    }
  }
  // Key order is the library's (version, country_calling_codes, countries, nonGeographic); the
  // generator's note rides along under a key the library ignores.
  const metadata = {
    version: max.version,
    country_calling_codes: callingCodes,
    countries,
    nonGeographic: {},
    generatedBy: `scripts/phone-metadata.mjs from libphonenumber-js ${libraryVersion} metadata.max.json, countries ${Object.values(KEEP).flat().join(',')}`,
  };
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(JSON.stringify(metadata), { ...options, filepath: OUTPUT });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, await generatePhoneMetadata());
  console.log(`wrote ${OUTPUT}`);
}
