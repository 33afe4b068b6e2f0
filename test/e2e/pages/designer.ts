// Page helpers for the designer: creating flows, adding nodes, reading what the canvas
// and the runtime hold. Specs stay about behaviour, not selectors.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, signIn, type Hookflow } from '../fixtures';
import * as adminApi from '../../helpers/admin-api';

export const canvasNodes = (page: Page): Locator => page.locator('.react-flow__node');
export const selectedNodes = (page: Page): Locator => page.locator('.react-flow__node.selected');
export const canvasEdges = (page: Page): Locator => page.locator('.react-flow__edge');
export const nodesOfType = (page: Page, type: string): Locator =>
  page.locator(`[data-node-type="${type}"]`);

/** Creates a flow from the flows list and waits for its (empty) canvas. */
export async function createFlow(page: Page, name: string): Promise<string> {
  await page.getByTestId('new-flow-name').fill(name);
  await page.getByTestId('create-flow').click();
  await expect(page.getByTestId('flow-title')).toHaveText(name);
  await expect(page.getByTestId('canvas')).toBeVisible();
  const id = /#\/flows\/(.+)$/.exec(page.url())?.[1];
  if (!id) throw new Error(`no flow id in ${page.url()}`);
  return id;
}

/**
 * Clicks an empty spot of the canvas: focus leaves any field, the selection clears. Left
 * of the inspector, which lies over the canvas's right edge while a node is selected.
 */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('canvas not visible');
  const inspector = page.getByTestId('inspector');
  const cover = (await inspector.count()) > 0 ? await inspector.boundingBox() : null;
  const right = cover ? cover.x : box.x + box.width;
  await page.mouse.click(right - 260, box.y + 80);
}

/** Adds a node with the palette's keyboard flow: `/`, type, Enter. */
export async function addByKeyboard(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByTestId('palette-search')).toBeFocused();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
}

export async function nodeId(node: Locator): Promise<string> {
  const testId = await node.getAttribute('data-testid');
  if (!testId) throw new Error('node without data-testid');
  return testId.replace(/^node-/, '');
}

/** Drags from a node's output handle to another node's input. */
export async function connect(page: Page, from: Locator, to: Locator, handle = 'next') {
  const id = await nodeId(from);
  await page.getByTestId(`handle-${id}-${handle}`).dragTo(to.locator('.handle-in'));
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** Saved, and the runtime has checked the saved draft (no request left in flight). */
export async function expectSavedAndChecked(page: Page): Promise<void> {
  await expectSaved(page);
  await expect(page.getByTestId('problems-button')).toHaveAttribute('data-state', 'checked');
}

interface SavedFlow {
  name: string;
  draft: {
    nodes: {
      id: string;
      type: string;
      position: { x: number; y: number };
      data: { label?: string; config?: unknown };
    }[];
    edges: { id: string; source: string; target: string; sourceHandle: string }[];
  };
}

/** The flow as the runtime has it on disk (admin API with the admin token). */
export async function savedFlow(hookflow: Hookflow, id: string): Promise<SavedFlow> {
  const response = await fetch(`${hookflow.admin}/api/flows/${id}`, {
    headers: { authorization: `Bearer ${hookflow.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SavedFlow;
}

/** Writes a draft through the admin API, as a script or another window would. */
export async function putDraft(hookflow: Hookflow, id: string, draft: unknown): Promise<void> {
  const response = await fetch(`${hookflow.admin}/api/flows/${id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ draft }),
  });
  expect(response.status).toBe(200);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element's box on screen; fails if it is not visible. */
export async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
}

/** A node's position on screen (its top-left corner). */
export async function screenPosition(node: Locator): Promise<{ x: number; y: number }> {
  const box = await node.boundingBox();
  if (!box) throw new Error('node not visible');
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

/**
 * A node's position on the canvas (flow coordinates, from its transform): unlike its
 * screen position it does not change while the view pans or zooms.
 */
export async function flowPosition(node: Locator): Promise<{ x: number; y: number }> {
  // The wrapper React Flow positions is the card's .react-flow__node ancestor.
  const transform = await node.evaluate(
    (element) => element.closest<HTMLElement>('.react-flow__node')?.style.transform ?? '',
  );
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`node has no translate transform: "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** Waits until the canvas stops moving (zoom-to-fit and panning animate). */
export async function viewportSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let previous = '';
  await expect
    .poll(async () => {
      const current = (await viewport.getAttribute('style')) ?? '';
      const still = current === previous;
      previous = current;
      return still;
    })
    .toBe(true);
}

/** Clicks the middle of an edge's path (its bounding box centre may be off the line). */
export async function clickEdge(page: Page, edge: Locator): Promise<void> {
  const point = await edge.locator('.react-flow__edge-path').evaluate((path) => {
    if (!(path instanceof SVGPathElement)) throw new Error('not a path');
    const middle = path.getPointAtLength(path.getTotalLength() / 2);
    const matrix = path.getScreenCTM();
    if (!matrix) throw new Error('path not rendered');
    const screen = middle.matrixTransform(matrix);
    return { x: screen.x, y: screen.y };
  });
  await page.mouse.click(point.x, point.y);
}

/** Creates a flow through the admin API (as a script would) and returns its id. */
export async function createFlowViaApi(
  hookflow: Hookflow,
  name: string,
  draft: unknown,
): Promise<string> {
  return (await adminApi.createFlow(adminApi.adminClient(hookflow), draft, name)).id;
}

/** Publishes a flow's draft through the admin API (the top bar's Publish is tested elsewhere). */
export async function publishViaApi(hookflow: Hookflow, flowId: string): Promise<void> {
  await adminApi.publishFlow(adminApi.adminClient(hookflow), flowId);
}

/** A Bearer-token Webhook Trigger labelled "Orders" wired to an End: a flow draft. */
export function bearerTriggerDraft(nodeId: string, webhookId: string, tokenSecretId: string) {
  return {
    nodes: [
      {
        id: nodeId,
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: {
          label: 'Orders',
          config: { webhookId, security: { auth: { type: 'bearer', tokenSecretId } } },
        },
      },
      { id: 'n_done', type: 'end', position: { x: 320, y: 0 }, data: { config: {} } },
    ],
    edges: [{ id: 'e_1', source: nodeId, sourceHandle: 'next', target: 'n_done' }],
  };
}

/** Opens a flow from the flows list by its name. */
export async function openFlow(page: Page, name: string): Promise<void> {
  await page.getByTestId('flow-item').filter({ hasText: name }).locator('.flow-open').click();
  await expect(page.getByTestId('flow-title')).toHaveText(name);
}

/** Chooses an entry of the top bar's flow menu. */
export async function flowMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('flow-menu').click();
  await page.getByTestId(`menu-${item}`).click();
}

/** The problem pin on a node card. */
export const problemPin = (page: Page, id: string): Locator =>
  page.getByTestId(`node-problems-${id}`);

/** Closes every notice in the corner (they can cover what a screenshot should show). */
export async function dismissNotices(page: Page): Promise<void> {
  for (const close of await page.getByRole('button', { name: 'Dismiss' }).all()) {
    // A notice may time out and go on its own meanwhile: that is fine too.
    await close.click({ timeout: 1000 }).catch(() => undefined);
  }
  await expect(page.locator('.notice')).toHaveCount(0);
}

/** Imports a fixture flow file (test/fixtures/flows) through the admin API; returns its id. */
export async function importFixture(
  hookflow: Hookflow,
  name: string,
  options: { publish?: boolean; name?: string } = {},
): Promise<string> {
  const document = JSON.parse(
    await readFile(`test/fixtures/flows/${name}.flow.json`, 'utf8'),
  ) as Record<string, unknown>;
  // A test that imports a fixture another test of its file imports too names its copy.
  if (options.name !== undefined) document.name = options.name;
  const response = await fetch(`${hookflow.admin}/api/flows/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ document, publish: options.publish ?? false }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { flow: { id: string } }).flow.id;
}

/** Opens the dock (under the canvas) on one of its tabs. */
export async function openDockTab(
  page: Page,
  tab: 'runs' | 'test-chat' | 'variables' | 'problems',
): Promise<Locator> {
  await page.getByTestId(`dock-tab-${tab}`).click();
  const panel = page.getByTestId(`dock-panel-${tab}`);
  await expect(panel).toBeVisible();
  return panel;
}

/** An edge's drawn path (its class and data-run say whether a run's path took it). */
export const edgePath = (page: Page, id: string): Locator =>
  page.getByTestId(`rf__edge-${id}`).locator('.react-flow__edge-path');

/** Signs in, opens the flow "Orders" and selects its Webhook Trigger `n_orders`. */
export async function openTrigger(page: Page, hookflow: Hookflow): Promise<Locator> {
  await signIn(page, hookflow);
  await openFlow(page, 'Orders');
  await page.getByTestId('node-n_orders').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Webhook Trigger' })).toBeVisible();
  return inspector;
}
