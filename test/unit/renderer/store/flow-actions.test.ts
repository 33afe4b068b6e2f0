// Deleting or closing the open flow, through the designer's real stores against a real
// runtime: nothing for the flow may reach the runtime after its DELETE (a save or a
// problems check fired then is answered 404, a console error in the browser). The races
// are made certain instead of likely: a request is held back as a slow network would,
// and timers that would fire later are fired on purpose (mock timers).
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { FlowDocument } from '../../../../runtime/shared/flow-document';
import { deleteFlow } from '../../../../renderer/store/flow-actions';
import { useEditor } from '../../../../renderer/store/editor-store';
import { usePublish } from '../../../../renderer/store/publish-store';
import { installDesignerNetwork, type RequestRecord } from '../../../helpers/designer-network';
import { json, startTestRuntime, type TestRuntime } from '../../../helpers/test-runtime';

const editor = () => useEditor.getState();
const isCheck = (method: string, path: string) => method === 'GET' && path.endsWith('/validate');

async function createFlow(rt: TestRuntime, name: string): Promise<FlowDocument> {
  const response = await rt.api('/api/flows', { method: 'POST', json: { name } });
  assert.equal(response.status, 201);
  return json<FlowDocument>(response);
}

/** Requests about `flowId` the designer was answered with an error status. */
function refused(requests: readonly RequestRecord[], flowId: string): RequestRecord[] {
  return requests.filter(
    (request) =>
      request.path.includes(flowId) &&
      typeof request.outcome === 'number' &&
      request.outcome >= 400,
  );
}

afterEach(async () => {
  mock.timers.reset();
  await editor().open(undefined);
});

describe('deleting the open flow', () => {
  it('aborts its problems check in flight instead of letting it land after the DELETE', async () => {
    const rt = await startTestRuntime();
    const network = installDesignerNetwork(rt.admin, rt.token);
    const flow = await createFlow(rt, 'Leads');
    const held = network.hold(isCheck);
    await editor().open(flow.id); // opening checks the flow's problems shortly after
    const check = await held;

    assert.equal(await deleteFlow(flow.id), true);
    network.releaseHeld(); // what was not cancelled reaches the runtime now, after the DELETE
    await network.settled();

    assert.equal(check.outcome, 'aborted');
    assert.deepEqual(refused(network.requests, flow.id), []);
    assert.equal(usePublish.getState().checkError, undefined);
    assert.equal(editor().flowId, undefined, 'the deleted flow is closed');
    assert.equal((await rt.api(`/api/flows/${flow.id}`)).status, 404);
  });

  it('cancels its pending autosave and check: neither fires after the DELETE', async () => {
    const rt = await startTestRuntime();
    const network = installDesignerNetwork(rt.admin, rt.token);
    const flow = await createFlow(rt, 'Orders');
    mock.timers.enable({ apis: ['setTimeout'] });
    await editor().open(flow.id); // schedules its problems check
    editor().addNode('start', { x: 0, y: 0 }); // schedules its autosave
    assert.equal(editor().saveStatus, 'unsaved');

    assert.equal(await deleteFlow(flow.id), true);
    mock.timers.runAll(); // whatever was still scheduled fires now, after the DELETE
    await network.settled();

    assert.deepEqual(refused(network.requests, flow.id), []);
    const afterDelete = network.requests.slice(
      network.requests.findIndex((request) => request.method === 'DELETE') + 1,
    );
    assert.deepEqual(
      afterDelete.filter((request) => request.path.includes(flow.id)),
      [],
      'nothing about the flow is sent after its DELETE',
    );
    assert.equal(editor().saveStatus, 'saved', 'no save is left pending');
  });

  it('lets a save already on its way be answered before the DELETE goes', async () => {
    const rt = await startTestRuntime();
    const network = installDesignerNetwork(rt.admin, rt.token);
    const flow = await createFlow(rt, 'Signups');
    await editor().open(flow.id);
    const held = network.hold((method) => method === 'PATCH');
    editor().addNode('end', { x: 0, y: 0 });
    const saving = editor().saveNow();
    const save = await held;

    const deleting = deleteFlow(flow.id);
    network.releaseHeld();
    assert.equal(await deleting, true);
    await saving;
    await network.settled();

    assert.equal(save.outcome, 200, 'the save landed while the flow existed');
    assert.deepEqual(refused(network.requests, flow.id), []);
  });
});

describe('closing a flow by opening another', () => {
  it('aborts the closed flow’s check in flight; its pending edits are still saved', async () => {
    const rt = await startTestRuntime();
    const network = installDesignerNetwork(rt.admin, rt.token);
    const first = await createFlow(rt, 'First');
    const second = await createFlow(rt, 'Second');
    const held = network.hold((method, path) => isCheck(method, path) && path.includes(first.id));
    await editor().open(first.id);
    const check = await held;
    editor().addNode('start', { x: 0, y: 0 });

    await editor().open(second.id);
    network.releaseHeld();
    await network.settled();

    assert.equal(check.outcome, 'aborted');
    const saved = await json<FlowDocument>(await rt.api(`/api/flows/${first.id}`));
    assert.equal(saved.draft.nodes.length, 1, 'the edit made before switching was saved');
    assert.equal(editor().flowId, second.id);
  });
});
