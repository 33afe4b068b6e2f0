// The canvas has the room: it spans from the palette to the window's right edge, the
// inspector lies over its right edge (never beside it), so opening or switching the
// inspector changes neither the canvas's width nor where the graph is drawn; zoom to fit
// fits the flow into the part the inspector leaves visible, however wide the flow is.
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from './fixtures';
import {
  canvasNodes,
  box,
  type Box,
  clickEmptyCanvas,
  createFlowViaApi,
  openFlow,
  screenPosition,
  viewportSettled,
} from './pages/designer';

const EVERY_TYPE = [
  'start',
  'webhook-trigger',
  'send-message',
  'collect-input',
  'buttons',
  'condition',
  'set-variable',
  'delay',
  'jump',
  'end',
];

/** A flow with one node of every type, in two rows. */
async function everyTypeFlow(page: Page, hookflow: Parameters<typeof signIn>[1], name: string) {
  const nodes = EVERY_TYPE.map((type, index) => ({
    id: `n_${type.replace(/-/g, '_')}`,
    type,
    position: { x: (index % 5) * 280, y: Math.floor(index / 5) * 200 },
    data: { config: {} },
  }));
  await createFlowViaApi(hookflow, name, { nodes, edges: [], variables: [] });
  await signIn(page, hookflow);
  await openFlow(page, name);
  await expect(canvasNodes(page)).toHaveCount(EVERY_TYPE.length);
  await viewportSettled(page);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`at ${size.width}×${size.height} the canvas keeps its width and the graph stays put whichever inspector opens`, async ({
    page,
    hookflow,
    consoleErrors: _,
  }) => {
    await page.setViewportSize(size);
    await everyTypeFlow(page, hookflow, `Every type ${size.width}`);
    const canvas = page.getByTestId('canvas');
    const palette = page.getByRole('complementary', { name: 'Node palette' });
    const empty = await box(canvas);
    // The room: from the palette's right edge to the window's.
    expect(empty.x).toBeCloseTo((await box(palette)).x + (await box(palette)).width, 0);
    expect(empty.x + empty.width).toBeCloseTo(size.width, 0);
    await expect(page.getByTestId('inspector')).toHaveCount(0);
    if (size.width === 1440) await screenshot(page, 'canvas-room-1440-nothing-selected');

    // A node away from the right edge, to see whether the graph moves.
    const anchor = page.getByTestId('node-n_start');
    const anchorAt = await screenPosition(anchor);
    const inspector = page.getByTestId('inspector');
    for (const type of EVERY_TYPE) {
      const card = page.getByTestId(`node-n_${type.replace(/-/g, '_')}`);
      // A node under the open inspector is reached by closing it first (Esc works too).
      if ((await inspector.count()) > 0 && (await box(card)).x > (await box(inspector)).x - 20) {
        await page.getByRole('button', { name: 'Close the inspector' }).click();
        await expect(inspector).toHaveCount(0);
        expect((await box(canvas)).width).toBe(empty.width);
      }
      await card.click();
      await expect(inspector).toBeVisible();
      const now = await box(canvas);
      expect(now.width, `canvas width with the ${type} inspector open`).toBe(empty.width);
      expect(now.x).toBe(empty.x);
      // The inspector lies over the canvas's right edge.
      const over = await box(inspector);
      expect(over.x + over.width).toBeCloseTo(now.x + now.width, 0);
      expect(over.x).toBeGreaterThan(now.x);
      expect(await screenPosition(anchor), `graph moved when the ${type} inspector opened`).toEqual(
        anchorAt,
      );
      if (size.width === 1440 && type === 'webhook-trigger') {
        await screenshot(page, 'canvas-room-1440-webhook-inspector');
      }
    }
    // Closing the inspector does not move the graph either.
    await page.getByRole('button', { name: 'Close the inspector' }).click();
    await expect(page.getByTestId('inspector')).toHaveCount(0);
    expect((await box(canvas)).width).toBe(empty.width);
    expect(await screenPosition(anchor)).toEqual(anchorAt);
  });
}

test('zoom to fit puts every node of a wide flow inside the canvas, beside the open inspector', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // One long row: far wider than the canvas at the old minimum zoom (0.5).
  const nodes = Array.from({ length: 16 }, (_unused, index) => ({
    id: `n_${index}`,
    type: index === 0 ? 'start' : 'send-message',
    position: { x: index * 300, y: (index % 3) * 90 },
    data: { label: `Step ${index}`, config: index === 0 ? {} : { text: `Message ${index}` } },
  }));
  const edges = nodes.slice(1).map((node, index) => ({
    id: `e_${index}`,
    source: `n_${index}`,
    sourceHandle: 'next',
    target: node.id,
  }));
  await createFlowViaApi(hookflow, 'Wide flow', { nodes, edges, variables: [] });
  await signIn(page, hookflow);
  await openFlow(page, 'Wide flow');
  await expect(canvasNodes(page)).toHaveCount(16);

  const visibleArea = async (): Promise<Box> => {
    const canvas = await box(page.getByTestId('canvas'));
    const inspector = page.getByTestId('inspector');
    if ((await inspector.count()) === 0) return canvas;
    const over = await box(inspector);
    return { ...canvas, width: over.x - canvas.x };
  };
  const expectAllInside = async (what: string) => {
    const area = await visibleArea();
    for (const node of await page.locator('.react-flow__node').all()) {
      const card = await box(node);
      const label = `${what}: ${await node.getAttribute('data-id')}`;
      expect(card.x, label).toBeGreaterThanOrEqual(area.x);
      expect(card.y, label).toBeGreaterThanOrEqual(area.y);
      expect(card.x + card.width, label).toBeLessThanOrEqual(area.x + area.width);
      expect(card.y + card.height, label).toBeLessThanOrEqual(area.y + area.height);
    }
  };

  // With nothing selected: the whole canvas.
  await clickEmptyCanvas(page);
  await page.getByTestId('fit-view').click();
  await viewportSettled(page);
  await expectAllInside('fit, no inspector');

  // With a node selected: the inspector covers the right edge; the flow fits beside it.
  await page.getByTestId('node-n_3').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('fit-view').click();
  await viewportSettled(page);
  await expectAllInside('fit beside the inspector');
  await screenshot(page, 'canvas-room-fit-beside-inspector');

  // The same from the keyboard (Shift+1) after widening the inspector.
  await page.getByTestId('inspector-resizer').focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.getByTestId('node-n_3').focus();
  await page.keyboard.press('Shift+Digit1');
  await viewportSettled(page);
  await expectAllInside('Shift+1 beside a wider inspector');
});

test('the inspector is resized from its edge (mouse or keyboard), remembered, and the graph stays put', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await everyTypeFlow(page, hookflow, 'Resize');
  const canvas = page.getByTestId('canvas');
  const canvasWidth = (await box(canvas)).width;
  const anchor = page.getByTestId('node-n_start');
  const anchorAt = await screenPosition(anchor);
  await page.getByTestId('node-n_condition').click();
  const inspector = page.getByTestId('inspector');
  const resizer = page.getByTestId('inspector-resizer');
  const start = (await box(inspector)).width;
  await expect(resizer).toHaveAttribute('aria-valuenow', String(start));

  // Keyboard: ← widens (the edge moves left), → narrows.
  await resizer.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await box(inspector)).width).toBeGreaterThan(start);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(inspector)).width).toBeLessThan(start);

  // Mouse: drag the edge 120 px to the left.
  const before = (await box(inspector)).width;
  const edge = await box(resizer);
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 - 120, edge.y + 200, { steps: 6 });
  await page.mouse.up();
  const dragged = (await box(inspector)).width;
  expect(dragged).toBeCloseTo(before + 120, -1);
  expect((await box(canvas)).width).toBe(canvasWidth);
  expect(await screenPosition(anchor)).toEqual(anchorAt);

  // Remembered: the next inspector, and after a reload, has the same width.
  await page.getByTestId('node-n_set_variable').click();
  await expect(page.getByTestId('inspector')).toContainText('Set variable');
  expect((await box(inspector)).width).toBe(dragged);
  await page.reload();
  await expect(canvasNodes(page)).toHaveCount(EVERY_TYPE.length);
  await page.getByTestId('node-n_set_variable').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  expect((await box(page.getByTestId('inspector'))).width).toBe(dragged);
});
