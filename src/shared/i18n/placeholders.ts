/**
 * Type-level reading of `{name}` placeholders in catalog templates, so the compiler refuses a
 * message built with a parameter missing or extra, and an English template whose placeholders
 * differ from the Chinese one.
 */

/** The placeholder names in a template literal type: `'a {x} b {y}'` → `'x' | 'y'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `Other` checked against `Base`: every key present, no extra key, each template with the same
 * placeholders. A mismatching entry's type becomes a sentence, so the error names the key.
 */
export type MatchingCatalog<Base extends Record<string, string>, Other extends Record<keyof Base, string>> = {
  [K in keyof Base]: SameSet<Placeholders<Base[K]>, Placeholders<Other[K]>> extends true
    ? string
    : `placeholders differ from zh-CN: expected {${Placeholders<Base[K]> & string}}`;
};
