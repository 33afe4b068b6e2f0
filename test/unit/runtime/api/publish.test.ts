import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import type { FlowsContext } from '../../../../runtime/api/context';
import { deleteFlow } from '../../../../runtime/api/flows';
import { publishFlow, unpublishFlow } from '../../../../runtime/api/publish';
import { RuntimeEvents, type RuntimeEventName } from '../../../../runtime/api/runtime-events';
import { openFlowStores } from '../../../../runtime/modules/core';
import { emptyFlow } from '../../../../runtime/store/flows-store';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';

async function context(): Promise<{ ctx: FlowsContext; seen: [RuntimeEventName, string][] }> {
  const dataDir = await tempDir();
  const problems = new StoreProblems();
  const events = new RuntimeEvents();
  const seen: [RuntimeEventName, string][] = [];
  for (const name of ['flow-published', 'flow-unpublished', 'flow-deleted'] as const) {
    events.on(name, (flowId) => void seen.push([name, flowId]));
  }
  const ctx: FlowsContext = { ...(await openFlowStores(dataDir, problems)), events };
  return { ctx, seen };
}

describe('publish events', () => {
  it('announces publish, unpublish and delete for the ingress, and nothing on failure', async () => {
    const { ctx, seen } = await context();
    const flow = emptyFlow('f_events', 'Events');
    await ctx.flows.create(flow);
    await assert.rejects(publishFlow(ctx, flow.id, {}), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 422);
      return true;
    });
    assert.deepEqual(seen, [], 'an invalid flow announces nothing');

    await ctx.flows.update(flow.id, (doc) => {
      doc.draft.nodes = [
        { id: 'n_s', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
      ];
    });
    await publishFlow(ctx, flow.id, undefined);
    await unpublishFlow(ctx, flow.id);
    await unpublishFlow(ctx, flow.id);
    await deleteFlow(ctx, flow.id);
    assert.deepEqual(seen, [
      ['flow-published', 'f_events'],
      ['flow-unpublished', 'f_events'],
      ['flow-deleted', 'f_events'],
    ]);
  });
});
