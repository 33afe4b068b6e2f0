import { z } from 'zod';
import { defineNode } from '../../shared/node-definition';
import type { NodeConfigProblem } from '../../shared/node-validation';

export const jumpConfigSchema = z.object({
  /** `node`: continue at another node of this flow; `flow`: hand over to another flow. */
  to: z.enum(['node', 'flow']).default('node'),
  nodeId: z.string().max(64).default(''),
  flowId: z.string().max(64).default(''),
});

export const jumpDefinition = defineNode({
  type: 'jump',
  label: 'Jump',
  category: 'flow',
  description:
    'Continues at another node, or starts another flow (its published version) with these variables.',
  icon: '↪',
  configSchema: jumpConfigSchema,
  outputs: () => [],
  isTrigger: false,
  needsChat: false,
  fieldLabels: { to: 'Jump to', nodeId: 'Node', flowId: 'Flow' },
  sideEffects: 'none',
  summary: (config) =>
    config.to === 'node'
      ? config.nodeId
        ? `Jumps to node ${config.nodeId}`
        : 'No target yet'
      : config.flowId
        ? `Starts flow ${config.flowId}`
        : 'No flow chosen yet',
  continuesAt: (config) => (config.to === 'node' && config.nodeId ? [config.nodeId] : []),
  validate: (config, { graph, nodeId }): NodeConfigProblem[] => {
    if (config.to === 'flow') {
      // Whether that flow exists and is published is checked when the run gets here:
      // a node sees only its own flow.
      return config.flowId.trim() === '' ? [{ field: 'flowId', message: 'Choose a flow' }] : [];
    }
    if (config.nodeId === '') return [{ field: 'nodeId', message: 'Choose the node to jump to' }];
    if (config.nodeId === nodeId) {
      return [{ field: 'nodeId', message: 'A jump to itself would loop forever' }];
    }
    if (!graph.nodes.some((node) => node.id === config.nodeId)) {
      return [{ field: 'nodeId', message: `There is no node "${config.nodeId}" in this flow` }];
    }
    return [];
  },
});
