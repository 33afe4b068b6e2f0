import { z } from 'zod';
import { requireFilled, templateProblems } from '../../shared/node-checks';
import { defineNode } from '../../shared/node-definition';
import { optionalVariableNameSchema } from '../../shared/variable-name';

export const buttonSchema = z.object({
  /** The output handle's id: stable when the label changes, so edges stay connected. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "_" or "-"'),
  label: z.string().trim().min(1, 'Give the button a label').max(80, 'Keep labels short'),
});

export const buttonsConfigSchema = z.object({
  prompt: z.string().max(4096, 'Keep the question under 4096 characters').default(''),
  buttons: z
    .array(buttonSchema)
    .min(1, 'Add at least one button')
    .max(10, 'Use at most 10 buttons')
    .superRefine((buttons, ctx) => {
      const seen = new Set<string>();
      buttons.forEach((button, index) => {
        if (seen.has(button.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'Two buttons share an id' });
        }
        seen.add(button.id);
      });
    })
    .default([
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ]),
  /** Optional: stores the chosen button's label. */
  variable: optionalVariableNameSchema.default(''),
});

export const buttonsDefinition = defineNode({
  type: 'buttons',
  label: 'Buttons',
  category: 'messaging',
  description: 'Asks a question with buttons; each button continues on its own path.',
  icon: '☰',
  configSchema: buttonsConfigSchema,
  outputs: (config) =>
    config.buttons.map((button) => ({ id: button.id, label: button.label, kind: 'case' })),
  isTrigger: false,
  needsChat: true,
  fieldLabels: {
    prompt: 'Question',
    buttons: 'Buttons',
    'buttons[]': 'Button #',
    'buttons[].id': 'Button # id',
    'buttons[].label': 'Button # label',
    variable: 'Save the chosen label in',
  },
  sideEffects: 'repeatable',
  summary: (config) => config.buttons.map((button) => button.label).join(' · '),
  variablesWritten: (config) => (config.variable === '' ? [] : [config.variable]),
  validate: (config) => [
    ...requireFilled(config.prompt, 'prompt', 'Write the question'),
    ...templateProblems(config.prompt, 'prompt'),
  ],
});
