import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configIdRenewer, webhookIdConflicts } from '../../../../runtime/api/permanent-ids';
import {
  draftFlow,
  flowsOf,
  graphWith,
  publishedFlow,
  webhookTriggerNode,
} from '../../../helpers/webhook-flows';

describe('permanent config ids', () => {
  it('renews webhook ids, the same way for a node in several graphs', () => {
    const hook = webhookTriggerNode({ methods: ['GET'] });
    const draft = graphWith(hook);
    const published = graphWith({ ...hook, data: { ...hook.data, label: 'old' } });
    const renew = configIdRenewer();
    const [newDraft, newPublished] = [renew(draft), renew(published)];
    const id = (graph: typeof draft) => graph.nodes[0]?.data.config.webhookId;
    assert.notEqual(id(newDraft), hook.data.config.webhookId);
    assert.equal(id(newDraft), id(newPublished));
    assert.deepEqual(newDraft.nodes[0]?.data.config.methods, ['GET']);
    assert.deepEqual(newDraft.nodes[1], draft.nodes[1], 'other nodes are untouched');
    assert.notEqual(id(configIdRenewer()(draft)), id(newDraft));
  });

  it('finds a webhook id used by another flow’s draft or published version', () => {
    const shared = webhookTriggerNode();
    const other = draftFlow('f_other', graphWith(shared), 'Shop orders');
    const live = publishedFlow('f_live', graphWith(webhookTriggerNode()));
    const flows = flowsOf(other, live);
    const mine = graphWith(shared);
    const problems = webhookIdConflicts(flows, 'f_mine', mine);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.nodeId, 'n_hook');
    assert.equal(problems[0]?.field, 'webhookId');
    assert.equal(
      problems[0]?.message,
      '"Orders" — This URL is already used by flow "Shop orders"; generate a new one',
    );
    assert.deepEqual(webhookIdConflicts(flows, 'f_other', mine), [], 'its own flow is no conflict');
    const twice = {
      ...mine,
      nodes: [webhookTriggerNode({}, 'n_1'), { ...webhookTriggerNode({}, 'n_2') }],
    };
    twice.nodes[1] = {
      ...twice.nodes[1]!,
      data: { config: { webhookId: twice.nodes[0]?.data.config.webhookId } },
    };
    assert.equal(
      webhookIdConflicts(flowsOf(), 'f', twice)[0]?.message,
      'Webhook Trigger 2 — This URL is also used by "Orders" of this flow; generate a new one',
    );
  });
});
