// Small things a new user trips over on the canvas and in the inspector (issue 10, 5.11):
// the empty-canvas hint is one compact line, notices never cover the dock or the test
// chat's Send button, mapping paths are readable in full, every inspector tab is visible,
// an example placeholder does not read as a value, and a node added with Enter takes the
// focus (the search does not keep it).
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  box,
  type Box,
  canvasNodes,
  clickEmptyCanvas,
  createFlow,
  createFlowViaApi,
  nodesOfType,
  openDockTab,
  openFlow,
} from './pages/designer';

test.use({ viewport: { width: 1440, height: 900 } });

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether an input shows all of its value (nothing scrolled out of its box). */
const showsAll = (input: Locator) =>
  input.evaluate((element) => element.scrollWidth <= element.clientWidth);

async function openWebhookTrigger(page: Page, hookflow: Parameters<typeof signIn>[1]) {
  await createFlowViaApi(hookflow, 'Hook', {
    nodes: [
      { id: 'n_hook', type: 'webhook-trigger', position: { x: 0, y: 0 }, data: { config: {} } },
    ],
    edges: [],
    variables: [],
  });
  await signIn(page, hookflow);
  await openFlow(page, 'Hook');
  await page.getByTestId('node-n_hook').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Webhook Trigger' })).toBeVisible();
  return inspector;
}

test('the empty-canvas hint is one compact line in the middle of the canvas', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Empty');
  const hint = page.locator('.canvas-empty');
  await expect(hint).toContainText('press / to search');
  // The text itself (not its full-canvas overlay): one or two lines, not spread out.
  const text = await hint.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const { top, bottom, left, right } = range.getBoundingClientRect();
    return { top, bottom, left, right };
  });
  expect(text.bottom - text.top).toBeLessThan(60);
  const canvas = await box(page.getByTestId('canvas'));
  const middle = (text.top + text.bottom) / 2;
  expect(Math.abs(middle - (canvas.y + canvas.height / 2))).toBeLessThan(40);
  await screenshot(page, 'canvas-polish-empty-hint');
});

test('notices stay over the canvas, clear of the dock, its toggle and the chat Send button', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Notices');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  const panel = await openDockTab(page, 'test-chat');
  const send = panel.getByTestId('chat-send');
  await expect(send).toBeVisible();

  // Five notices (the most shown at once): copy the selected node five times.
  await nodesOfType(page, 'start').click();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Control+c');
  const notices = page.locator('.notice');
  await expect(notices).toHaveCount(5);
  await screenshot(page, 'canvas-polish-notices');

  const dock = await box(page.getByTestId('dock'));
  const toggle = await box(page.getByTestId('dock-toggle'));
  const inspector = await box(page.getByTestId('inspector'));
  const sendBox = await box(send);
  for (const notice of await notices.all()) {
    const at = await box(notice);
    expect(overlaps(at, sendBox), 'notice over the Send button').toBe(false);
    expect(overlaps(at, toggle), 'notice over the dock toggle').toBe(false);
    expect(at.y + at.height, 'notice over the dock').toBeLessThanOrEqual(dock.y);
    expect(overlaps(at, inspector), 'notice over the inspector').toBe(false);
  }
  // They still answer clicks.
  await notices.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(4);
});

test('a long mapping path and every Webhook Trigger tab are shown in full', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const inspector = await openWebhookTrigger(page, hookflow);
  const tabs = inspector.getByRole('tablist').first();
  const expectEveryTabInFull = async (what: string) => {
    const list = await box(tabs);
    for (const tab of await tabs.getByRole('tab').all()) {
      const at = await box(tab);
      const name = `${what}: ${await tab.textContent()}`;
      expect(at.x, name).toBeGreaterThanOrEqual(list.x);
      expect(at.x + at.width, name).toBeLessThanOrEqual(list.x + list.width + 0.5);
    }
    expect(await tabs.evaluate((list) => list.scrollWidth <= list.clientWidth), what).toBe(true);
  };
  await expect(tabs.getByRole('tab', { name: 'Logs' })).toBeVisible();
  await expectEveryTabInFull('default width');

  await inspector.getByRole('button', { name: 'Add mapping' }).click();
  const field = inspector.getByRole('textbox', { name: 'Field 1' });
  const variable = inspector.getByRole('textbox', { name: 'Variable 1' });
  await field.fill('body.data[0].customer.phone');
  await variable.fill('customer_phone');
  expect(await showsAll(field), 'the path is cut short').toBe(true);
  expect(await showsAll(variable), 'the variable is cut short').toBe(true);
  await screenshot(page, 'canvas-polish-mapping-and-tabs');

  // At the inspector's narrowest, the tabs wrap rather than hide "Logs".
  await page.getByTestId('inspector-resizer').focus();
  await page.keyboard.press('Home');
  await expectEveryTabInFull('narrowest');
  await screenshot(page, 'canvas-polish-narrow-inspector');
});

test('an example placeholder reads as an example, not as a value', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const inspector = await openWebhookTrigger(page, hookflow);
  await inspector.getByRole('tab', { name: 'Events' }).click();
  await inspector.getByRole('button', { name: 'Add case' }).click();
  const label = inspector.getByRole('textbox', { name: 'Label' }).last();
  await expect(label).toHaveValue('');
  await expect(label).toHaveAttribute('placeholder', /^e\.g\. /);
  const looks = await label.evaluate((element) => {
    const placeholder = getComputedStyle(element, '::placeholder');
    return { style: placeholder.fontStyle, colour: placeholder.color };
  });
  expect(looks.style).toBe('italic');
  await screenshot(page, 'canvas-polish-placeholder');
});

test('a node added with Enter takes the focus: arrows move it, the search is left', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Focus after add');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  const start = page.locator('.react-flow__node-start');
  await expect(start).toBeFocused();
  await expect(page.getByTestId('palette-search')).not.toBeFocused();

  // Typing now is not a search: an arrow key moves the new node.
  const before = await box(start);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(start)).x).toBeGreaterThan(before.x);
  await expect(page.getByTestId('palette-search')).toHaveValue('');

  // The next one goes beside it and takes the focus in turn.
  await addByKeyboard(page, 'end');
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(page.locator('.react-flow__node-end')).toBeFocused();
});
