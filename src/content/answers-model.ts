// The answers file: what a group wrote into the fillable sheets, read back by `bordduk answers`
// and given to `bordduk build --answers`. Keyed like the content: locale, block, then the field id,
// or the row number and column id of a table. Types and JSON Schema from one TypeBox source.
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$', description: 'A block, field or column id, as in the content files.' });
const Answer = Type.String({ description: 'What the group wrote (line breaks kept).' });
const Row = Type.Record(Id, Answer, { description: 'A table row: column id → answer.' });

const BlockAnswers = Type.Union(
  [
    Answer,
    Type.Record(Type.String({ pattern: '^(?:[1-9][0-9]*|[a-z][a-zA-Z0-9]*)$' }), Type.Union([Answer, Row]), {
      description: 'Field id → answer (a block of fields, a split prompt), or row number → row (a table).',
    }),
  ],
  { description: 'A prompt block\'s answer, or its fields\' or rows\' answers.' },
);

export const AnswersFile = Type.Object(
  {
    tool: Id,
    version: Type.Optional(Type.String({ description: 'The tool version whose sheets were filled in.' })),
    answers: Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.Record(Id, BlockAnswers), {
      description: 'Locale → block id → answers.',
    }),
    unmatched: Type.Optional(
      Type.Record(Type.String(), Answer, {
        description: 'Filled fields that the current templates no longer have, by their name in the PDF: kept, not lost, and not printed.',
      }),
    ),
  },
  { additionalProperties: false, $id: 'answers', title: 'bordduk answers (from filled sheets)' },
);
export type AnswersFile = Static<typeof AnswersFile>;
