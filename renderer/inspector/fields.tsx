// The shared inspector widgets, one import for node inspectors:
// `import { TextField, ListEditor } from '../../inspector/fields'`.
// Each widget's file opens with the shape of the value it edits.
export { Field, FieldGroup, FieldNotes, describedBy, type FieldBaseProps } from './Field';
export { TextField, type TextFieldProps } from './TextField';
export { TextArea, type TextAreaProps } from './TextArea';
export { NumberField, type NumberFieldProps } from './NumberField';
export { Toggle, type ToggleProps } from './Toggle';
export { SelectField, type SelectFieldProps } from './SelectField';
export { TemplateField, type TemplateFieldProps } from './TemplateField';
export { PathField, type PathFieldProps } from './PathField';
export { KeyValueList, type KeyValueListProps, type KeyValueRow } from './KeyValueList';
export { ListEditor, type ListEditorProps, type ListRowContext } from './ListEditor';
export { DurationField, type DurationFieldProps } from './DurationField';
export { SizeField, type SizeFieldProps } from './SizeField';
export { UrlCopy, type UrlCopyProps } from './UrlCopy';
