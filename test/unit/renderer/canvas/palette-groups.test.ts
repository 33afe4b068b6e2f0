import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  flattenGroups,
  paletteGroups,
  type PaletteEntry,
} from '../../../../renderer/canvas/palette-groups';
import { nodeDefinitions } from '../../../../runtime/nodes/definitions';

const entries: PaletteEntry[] = [
  { type: 'end', label: 'End', description: 'Finishes the run.', category: 'flow' },
  { type: 'send', label: 'Send message', description: 'Sends text', category: 'messaging' },
  { type: 'delay', label: 'Delay', description: 'Waits, then sends on', category: 'flow' },
  { type: 'start', label: 'Start', description: 'Where a run begins', category: 'trigger' },
  { type: 'http', label: 'HTTP request', description: 'Calls an API', category: 'integration' },
  { type: 'resend', label: 'Resend last', description: 'Repeats', category: 'messaging' },
];

describe('paletteGroups', () => {
  it('groups by category in the fixed order, leaving empty groups out', () => {
    const groups = paletteGroups(entries, '');
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Triggers', 'Messaging', 'Integrations', 'Flow'],
    );
    assert.deepEqual(
      flattenGroups(groups).map((e) => e.type),
      ['start', 'send', 'resend', 'http', 'end', 'delay'],
    );
  });

  it('searches name and description, every word must match', () => {
    assert.deepEqual(
      flattenGroups(paletteGroups(entries, 'sends')).map((e) => e.type),
      ['send', 'delay'],
    );
    assert.deepEqual(
      flattenGroups(paletteGroups(entries, 'send api')).map((e) => e.type),
      [],
    );
    assert.deepEqual(
      flattenGroups(paletteGroups(entries, 'CALLS api')).map((e) => e.type),
      ['http'],
    );
  });

  it('puts labels that start with the query first within a group', () => {
    assert.deepEqual(
      flattenGroups(paletteGroups(entries, 'se')).map((e) => e.type),
      ['send', 'resend', 'delay'],
    );
  });

  it('puts a group with a label that starts with the query first', () => {
    assert.deepEqual(
      flattenGroups(paletteGroups(entries, 'end')).map((e) => e.type),
      ['end', 'delay', 'send', 'resend'],
    );
  });

  it('works on the real definitions', () => {
    const groups = paletteGroups(nodeDefinitions, '');
    assert.equal(flattenGroups(groups).length, nodeDefinitions.length);
    assert.equal(groups[0]?.category, 'trigger');
  });
});
