import {
  conditionOperators,
  unaryOperators,
  type ConditionOperator,
  type conditionConfigSchema,
} from '../../../runtime/nodes/condition/definition';
import { Field, SelectField } from '../../inspector/fields';
import { problemAt, type InspectorProps } from '../inspector-props';

const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  contains: 'contains',
  starts_with: 'starts with',
  exists: 'exists',
  is_empty: 'is empty',
  greater_than: 'is greater than',
  less_than: 'is less than',
  regex: 'matches the pattern',
};
const OPERATORS = conditionOperators.map((value) => ({ value, label: OPERATOR_LABELS[value] }));
const MATCH = [
  { value: 'all', label: 'All rules (and)' },
  { value: 'any', label: 'Any rule (or)' },
] as const;

export function ConditionInspector({
  nodeId,
  config,
  problems,
  onChange,
}: InspectorProps<typeof conditionConfigSchema>) {
  const rules = config.rules;
  const setRule = (index: number, patch: Partial<(typeof rules)[number]>) =>
    onChange({
      ...config,
      rules: rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)),
    });
  return (
    <>
      <SelectField
        id={`${nodeId}-match`}
        label="Continue on True when"
        value={config.match}
        options={MATCH}
        onChange={(match) => onChange({ ...config, match })}
      />
      {rules.map((rule, index) => (
        <fieldset className="field" key={index}>
          <legend>Rule {index + 1}</legend>
          <Field
            id={`${nodeId}-rule-${index}-left`}
            label="Value"
            hint="A path like body.event, or a template like {{total}}"
            error={problemAt(problems, `rules[${index}].left`)}
          >
            <input
              id={`${nodeId}-rule-${index}-left`}
              value={rule.left}
              onChange={(event) => setRule(index, { left: event.target.value })}
            />
          </Field>
          <SelectField
            id={`${nodeId}-rule-${index}-operator`}
            label="Check"
            value={rule.operator}
            options={OPERATORS}
            onChange={(operator) => setRule(index, { operator })}
          />
          {!unaryOperators.includes(rule.operator) && (
            <Field
              id={`${nodeId}-rule-${index}-right`}
              label={rule.operator === 'regex' ? 'Pattern' : 'Compared with'}
              error={problemAt(problems, `rules[${index}].right`)}
            >
              <input
                id={`${nodeId}-rule-${index}-right`}
                value={rule.right}
                onChange={(event) => setRule(index, { right: event.target.value })}
              />
            </Field>
          )}
          <button
            type="button"
            className="link"
            onClick={() => onChange({ ...config, rules: rules.filter((_, at) => at !== index) })}
          >
            Remove rule
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={rules.length >= 20}
        onClick={() =>
          onChange({ ...config, rules: [...rules, { left: '', operator: 'equals', right: '' }] })
        }
      >
        Add rule
      </button>
    </>
  );
}
