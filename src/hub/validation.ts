/**
 * How Fastify checks request parts against route schemas. Fastify's default Ajv coerces types
 * everywhere, so `{ "maxDur": "123" }` passed as the number 123 and `{ "disabled": "false" }` as a
 * boolean. A JSON body has real types: bodies are checked strictly (no coercion). Querystrings,
 * params and headers are text by nature and keep coercion (`?limit=50` is the integer 50).
 * Unknown fields are refused everywhere (Fastify's default silently drops them).
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildValidator = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;

const buildLoose = AjvCompiler();
const buildStrict = AjvCompiler();

type AjvOptions = Parameters<typeof buildLoose>[1];

export const buildHubValidator: BuildValidator = (externalSchemas, ajvOptions) => {
  const base = (ajvOptions ?? {}) as { customOptions?: Record<string, unknown> };
  const customOptions = { ...base.customOptions, removeAdditional: false };
  const loose = buildLoose(externalSchemas, { ...base, customOptions } as AjvOptions);
  const strict = buildStrict(externalSchemas, { ...base, customOptions: { ...customOptions, coerceTypes: false } } as AjvOptions);
  return (route) => (route.httpPart === 'body' ? strict(route) : loose(route));
};

export const hubSchemaController: SchemaController = { compilersFactory: { buildValidator: buildHubValidator } };
