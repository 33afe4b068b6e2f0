// Stable names for the kinds of flow problems the designer treats specially, so it
// recognises them by code and never by their wording. In a file of its own: node
// definitions set them, and those are imported by the flow document's schema.
export const GRAPH_PROBLEM_CODES = {
  /** A node that talks to a person, reachable only from triggers that run headless. */
  chatNodeHeadless: 'chat_node_headless',
  /** A secret id in the config that this data folder does not hold (the Security tab says so). */
  missingSecret: 'missing_secret',
  /** A path field that does not parse (the inspector checks paths as typed itself). */
  invalidPath: 'invalid_path',
  /** A node of a type this Hookflow does not know (a file from a newer version). */
  unknownNodeType: 'unknown_node_type',
  /** A config that is not an object: the node as a whole, not one of its fields. */
  configNotObject: 'config_not_object',
} as const;
