import {
  conditionOperators,
  unaryOperators,
  type ConditionOperator,
  type conditionConfigSchema,
} from '../../../runtime/nodes/condition/definition';
import { ListEditor, SelectField, TemplateField } from '../../inspector/fields';
import { bindField, bindList, type InspectorProps } from '../inspector-props';

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
  { value: 'all', label: 'All rules hold (and)' },
  { value: 'any', label: 'Any rule holds (or)' },
] as const;

export function ConditionInspector(props: InspectorProps<typeof conditionConfigSchema>) {
  return (
    <>
      <SelectField label="Continue on True when" options={MATCH} {...bindField(props, 'match')} />
      <ListEditor
        label="Rules"
        hint="Numbers compare as numbers, also when written as text."
        itemName="rule"
        max={20}
        newRow={() => ({ left: '', operator: 'equals' as const, right: '' })}
        renderRow={(rule, row) => (
          <>
            <TemplateField
              id={`${row.rowId}-left`}
              label="Value"
              hint="A path like body.event, or a template like {{total}}"
              value={rule.left}
              error={row.errorFor('left')}
              onChange={(left) => row.update({ ...rule, left })}
            />
            <SelectField
              id={`${row.rowId}-operator`}
              label="Check"
              options={OPERATORS}
              value={rule.operator}
              onChange={(operator) => row.update({ ...rule, operator })}
            />
            {!unaryOperators.includes(rule.operator) && (
              <TemplateField
                id={`${row.rowId}-right`}
                label={rule.operator === 'regex' ? 'Pattern' : 'Compared with'}
                hint={rule.operator === 'regex' ? 'e.g. ^order- or /paid$/i' : undefined}
                value={rule.right}
                error={row.errorFor('right')}
                onChange={(right) => row.update({ ...rule, right })}
              />
            )}
          </>
        )}
        {...bindList(props, 'rules')}
      />
    </>
  );
}
