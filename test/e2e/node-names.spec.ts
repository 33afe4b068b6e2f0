// Nodes named for people (issue 10, 5.8), in a real runtime and Chromium: problems, pins
// and screen-reader labels call a node by its label, or by its type with a number where
// the flow has several, and a field by its inspector label; never an id or a config key.
import { expect, screenshot, signIn, test } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  openDockTab,
  openFlow,
} from './pages/designer';

const node = (id: string, type: string, config: unknown, x: number, y = 0) => ({
  id,
  type,
  position: { x, y },
  data: { config },
});

// Ids as the designer makes them: what a user must never have to read.
const draft = {
  nodes: [
    node('n_0c1d2e3f4a5b', 'start', { triggerType: 'manual' }, 0),
    node('n_a6ec4adda76f', 'set-variable', { variable: 'name', value: 'Ada' }, 260),
    node('n_b71c0e9d2f3a', 'set-variable', { variable: '', value: 'x' }, 520),
    node('n_c82d1fae3b4c', 'send-message', { text: '' }, 780),
    node('n_e0af3c015d6e', 'end', {}, 1040),
    node('n_d93e2fb04c5d', 'set-variable', { variable: 'lost', value: '1' }, 520, 200),
  ],
  edges: [
    { id: 'e_1', source: 'n_0c1d2e3f4a5b', sourceHandle: 'next', target: 'n_a6ec4adda76f' },
    { id: 'e_2', source: 'n_a6ec4adda76f', sourceHandle: 'next', target: 'n_b71c0e9d2f3a' },
    { id: 'e_3', source: 'n_b71c0e9d2f3a', sourceHandle: 'next', target: 'n_c82d1fae3b4c' },
    { id: 'e_4', source: 'n_c82d1fae3b4c', sourceHandle: 'next', target: 'n_e0af3c015d6e' },
  ],
  variables: [],
};

const RAW_ID = /n_[0-9a-f]{6,}/;
const FIELD_KEY = /\b(text|variable|value|triggerType):/;

test('problems and screen-reader labels name nodes by label or type and number, fields by label', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await createFlowViaApi(hookflow, 'Unnamed nodes', draft);
  await signIn(page, hookflow);
  await openFlow(page, 'Unnamed nodes');

  const panel = await openDockTab(page, 'problems');
  const problems = panel.getByTestId('problem');
  const byNode = (id: string) => panel.locator(`[data-testid="problem"][data-node-id="${id}"]`);
  await expect(byNode('n_b71c0e9d2f3a')).toHaveText(/Set variable 2 — Variable: Choose a variable/);
  await expect(byNode('n_c82d1fae3b4c')).toHaveText(/Send message — Message: Write the message/);
  await expect(byNode('n_d93e2fb04c5d').filter({ hasText: 'Cannot be reached' })).toHaveText(
    /Set variable 3 — Cannot be reached from any trigger/,
  );
  for (const text of await problems.allInnerTexts()) {
    expect(text).not.toMatch(RAW_ID);
    expect(text).not.toMatch(FIELD_KEY);
  }

  // A node's pin says what is wrong with it (the node is the one it is on).
  await page.getByTestId('node-problems-n_c82d1fae3b4c').hover();
  await expect(page.getByTestId('node-problems-tip-n_c82d1fae3b4c')).toHaveText(
    /^Message: Write the message/,
  );
  await dismissNotices(page);
  await screenshot(page, 'node-names-problems');

  // What a screen reader hears for nodes and edges.
  await expect(page.getByRole('group', { name: 'Set variable 2', exact: true })).toHaveAttribute(
    'data-id',
    'n_b71c0e9d2f3a',
  );
  await expect(page.getByTestId('rf__node-n_0c1d2e3f4a5b')).toHaveAttribute('aria-label', 'Start');
  await expect(page.getByTestId('rf__edge-e_2')).toHaveAttribute(
    'aria-label',
    'From Set variable 1 to Set variable 2',
  );
  for (const item of await page.locator('.react-flow__node, .react-flow__edge').all()) {
    expect(await item.getAttribute('aria-label')).not.toMatch(RAW_ID);
  }

  // Labelled, a node is its label (and keeps its type for the screen reader); the others
  // keep their numbers.
  await page.getByTestId('node-n_a6ec4adda76f').click();
  await page.getByLabel('Label', { exact: true }).fill('Greet');
  await expect(page.getByTestId('rf__node-n_a6ec4adda76f')).toHaveAttribute(
    'aria-label',
    'Greet, Set variable',
  );
  await expect(page.getByTestId('rf__edge-e_2')).toHaveAttribute(
    'aria-label',
    'From Greet to Set variable 2',
  );
  await expect(byNode('n_b71c0e9d2f3a')).toHaveText(/Set variable 2 — /);
  await expect(byNode('n_d93e2fb04c5d').first()).toHaveText(/Set variable 3 — /);
  await expectSaved(page);
  await screenshot(page, 'node-names-labelled');
});
