// The pizza order a web widget visitor talks to, shared by the widget's integration and
// end-to-end tests: the first message starts it; Buttons (Pizza / Pasta); for pizza a
// Collect Input (how many, a number) and a Condition (more than 3 → "a party") routes it.
import type { DraftGraph } from '../../runtime/shared/flow-document';

export const pizzaOrder: DraftGraph = {
  nodes: [
    {
      id: 'n_start',
      type: 'start',
      position: { x: 0, y: 0 },
      data: { config: { triggerType: 'manual' } },
    },
    {
      id: 'n_menu',
      type: 'buttons',
      position: { x: 250, y: 0 },
      data: {
        config: {
          prompt: 'Pizza or pasta?',
          buttons: [
            { id: 'pizza', label: 'Pizza' },
            { id: 'pasta', label: 'Pasta' },
          ],
          variable: 'dish',
        },
      },
    },
    {
      id: 'n_count',
      type: 'collect-input',
      position: { x: 500, y: -100 },
      data: { config: { prompt: 'How many pizzas?', variable: 'count', validation: 'number' } },
    },
    {
      id: 'n_big',
      type: 'condition',
      position: { x: 750, y: -100 },
      data: {
        config: { match: 'all', rules: [{ left: 'count', operator: 'greater_than', right: '3' }] },
      },
    },
    {
      id: 'n_party',
      type: 'send-message',
      position: { x: 1000, y: -200 },
      data: { config: { text: '{{count}} pizzas: that is a party! <b>See you</b>' } },
    },
    {
      id: 'n_small',
      type: 'send-message',
      position: { x: 1000, y: 0 },
      data: { config: { text: '{{count}} pizzas coming up.' } },
    },
    {
      id: 'n_pasta',
      type: 'send-message',
      position: { x: 500, y: 100 },
      data: { config: { text: 'Pasta it is.' } },
    },
    { id: 'n_end', type: 'end', position: { x: 1250, y: 0 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_menu' },
    { id: 'e_2', source: 'n_menu', sourceHandle: 'pizza', target: 'n_count' },
    { id: 'e_3', source: 'n_menu', sourceHandle: 'pasta', target: 'n_pasta' },
    { id: 'e_4', source: 'n_count', sourceHandle: 'next', target: 'n_big' },
    { id: 'e_5', source: 'n_big', sourceHandle: 'true', target: 'n_party' },
    { id: 'e_6', source: 'n_big', sourceHandle: 'else', target: 'n_small' },
    { id: 'e_7', source: 'n_party', sourceHandle: 'next', target: 'n_end' },
    { id: 'e_8', source: 'n_small', sourceHandle: 'next', target: 'n_end' },
    { id: 'e_9', source: 'n_pasta', sourceHandle: 'next', target: 'n_end' },
  ],
  variables: [
    { name: 'dish', type: 'text' },
    { name: 'count', type: 'number' },
  ],
};
