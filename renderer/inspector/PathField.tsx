// PathField — value: a dot path into a payload as a string (`body.user.name`,
// `body.items[0].id`); '' when empty. Monospace, no spellcheck.
import { TextField, type TextFieldProps } from './TextField';

export type PathFieldProps = Omit<TextFieldProps, 'type' | 'monospace'>;

export function PathField({ placeholder = 'body.user.name', ...props }: PathFieldProps) {
  return (
    <TextField {...props} placeholder={placeholder} monospace maxLength={props.maxLength ?? 500} />
  );
}
