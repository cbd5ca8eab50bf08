// The release matrix file's schema (bordduk.config.yaml).
import { Type, type Static } from '@sinclair/typebox';

export const ConfigFile = Type.Object(
  {
    tool: Type.Optional(Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$', description: 'One tool; prefer tools.' })),
    tools: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Array(Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$' }), { minItems: 1 })], {
        description: 'The tools to build (folders under content/), or all (the default).',
      }),
    ),
    locales: Type.Optional(Type.Union([Type.Literal('all'), Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1 })])),
    sizes: Type.Optional(Type.Array(Type.String({ minLength: 2 }), { minItems: 1 })),
    orientation: Type.Optional(Type.Union([Type.Literal('landscape'), Type.Literal('portrait')])),
    guideSize: Type.Optional(Type.Union([Type.Literal('A4'), Type.Literal('A5')])),
    out: Type.Optional(Type.String({ minLength: 1 })),
    colour: Type.Optional(Type.Union([Type.Literal('rgb'), Type.Literal('cmyk')])),
  },
  { additionalProperties: false, title: 'bordduk release matrix (bordduk.config.yaml)' },
);
export type ConfigFile = Static<typeof ConfigFile>;

