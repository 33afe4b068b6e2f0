import { z } from 'zod';
import { tryParsePath } from '../../paths';
import { hasTemplateReferences, requireFilled, templateProblems } from '../../shared/node-checks';
import { defineNode } from '../../shared/node-definition';
import type { NodeConfigProblem } from '../../shared/node-validation';

export const conditionOperators = [
  'equals',
  'not_equals',
  'contains',
  'starts_with',
  'exists',
  'is_empty',
  'greater_than',
  'less_than',
  'regex',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** Operators that look only at the left side. */
export const unaryOperators: readonly ConditionOperator[] = ['exists', 'is_empty'];

export const conditionRuleSchema = z.object({
  /** A path (`body.event`) or a template (`{{body.event}}`, `$TOKEN`). */
  left: z.string().max(1000).default(''),
  operator: z.enum(conditionOperators).default('equals'),
  /** A template; for `regex` a pattern, optionally as `/pattern/flags`. */
  right: z.string().max(1000).default(''),
});
export type ConditionRule = z.infer<typeof conditionRuleSchema>;

export const conditionConfigSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  rules: z.array(conditionRuleSchema).max(20, 'Use at most 20 rules').default([]),
});

/**
 * Compiles a regex rule's pattern: `/^a.c$/i` or plain `^a.c$`. Only flags that keep a
 * RegExp stateless are allowed (no `g` or `y`, whose lastIndex would leak between runs).
 */
export function compileRulePattern(source: string): RegExp | { problem: string } {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
  const pattern = literal?.[1] ?? source;
  const flags = literal?.[2] ?? '';
  const bad = [...flags].find((flag) => !'imsu'.includes(flag));
  if (bad) return { problem: `The flag "${bad}" is not supported (use i, m, s or u)` };
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    return {
      problem: `Invalid regular expression: ${error instanceof Error ? error.message : ''}`,
    };
  }
}

function ruleProblems(rule: ConditionRule, index: number): NodeConfigProblem[] {
  const at = `rules[${index}]`;
  const problems = [
    ...requireFilled(rule.left, `${at}.left`, 'Say what to check'),
    ...templateProblems(rule.left, `${at}.left`),
    ...templateProblems(rule.right, `${at}.right`),
  ];
  // A pattern that reads variables is only known at run time; a fixed one is checked now.
  if (rule.operator === 'regex' && !hasTemplateReferences(rule.right)) {
    const compiled = compileRulePattern(rule.right);
    if (!(compiled instanceof RegExp)) {
      problems.push({ field: `${at}.right`, message: compiled.problem });
    }
  }
  return problems;
}

const operatorText: Record<ConditionOperator, string> = {
  equals: '=',
  not_equals: '≠',
  contains: 'contains',
  starts_with: 'starts with',
  exists: 'exists',
  is_empty: 'is empty',
  greater_than: '>',
  less_than: '<',
  regex: 'matches',
};

export const conditionDefinition = defineNode({
  type: 'condition',
  label: 'Condition',
  category: 'logic',
  description: 'Checks rules against variables and the payload; continues on true or else.',
  icon: '◇',
  configSchema: conditionConfigSchema,
  outputs: () => [
    { id: 'true', label: 'True', kind: 'case' },
    { id: 'else', label: 'Else', kind: 'else' },
  ],
  isTrigger: false,
  needsChat: false,
  fieldLabels: {
    match: 'Continue on True when',
    rules: 'Rules',
    'rules[]': 'Rule #',
    'rules[].left': 'Rule # value',
    'rules[].operator': 'Rule # check',
    'rules[].right': 'Rule # compared with',
  },
  sideEffects: 'none',
  summary: (config) => {
    const [first] = config.rules;
    if (!first) return 'No rules yet';
    const text = unaryOperators.includes(first.operator)
      ? `${first.left} ${operatorText[first.operator]}`
      : `${first.left} ${operatorText[first.operator]} ${first.right}`;
    const more = config.rules.length - 1;
    return more > 0 ? `${text} ${config.match === 'all' ? 'and' : 'or'} ${more} more` : text;
  },
  // A left side without `{{ }}` is a path (see execute.ts); templates are found generically.
  variablesRead: (config) =>
    config.rules
      .map((rule) => rule.left.trim())
      .filter((left) => left !== '' && !hasTemplateReferences(left) && tryParsePath(left).ok),
  validate: (config) => [
    ...(config.rules.length === 0 ? [{ field: 'rules', message: 'Add at least one rule' }] : []),
    ...config.rules.flatMap(ruleProblems),
  ],
});
