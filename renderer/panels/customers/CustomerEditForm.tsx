// Editing a customer: the four columns and the contacts (type + value). What the runtime
// refuses is shown under the field it names; values it kept as given (a phone that is not
// a number it can read) are said after saving. Escape cancels.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { CONTACT_TYPES, type Customer } from '../../../runtime/shared/customers';
import { ApiRequestError } from '../../api/client';
import { customersApi } from '../../api/customers';
import { errorText } from '../../store/notices-store';
import { PlusIcon, Spinner, TrashIcon } from '../../ui/icons';
import {
  CONTACT_TYPE_LABELS,
  draftOf,
  editOf,
  fieldErrors,
  isContactType,
  type EditDraft,
} from './customer-format';

interface Props {
  customer: Customer;
  onCancel: () => void;
  /** `note` says it was saved, and what was kept as given. */
  onSaved: (customer: Customer, note: string) => void;
}

const COLUMNS = [
  { field: 'name', label: 'Name', type: 'text' },
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'document', label: 'Document', type: 'text' },
] as const;

export function CustomerEditForm({ customer, onCancel, onSaved }: Props) {
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(customer));
  const [nextKey, setNextKey] = useState(customer.contacts.length);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const { customer: saved, flags } = await customersApi.edit(customer.id, editOf(draft));
      const kept = flags.map(
        (flag) => `${flag.field} "${flag.value}" kept as given (${flag.reason})`,
      );
      onSaved(saved, kept.length > 0 ? `Saved. ${kept.join('; ')}.` : 'Saved.');
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiRequestError && error.code === 'invalid_input') {
        const byField = fieldErrors(draft, error.details);
        setErrors(Object.keys(byField).length > 0 ? byField : { form: error.message });
      } else {
        setErrors({
          form: `Could not save: ${errorText(error)}. Your changes are still here; try again.`,
        });
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !saving) {
      event.preventDefault();
      onCancel();
    }
  };

  const setContact = (key: number, patch: Partial<EditDraft['contacts'][number]>) =>
    setDraft({
      ...draft,
      contacts: draft.contacts.map((contact) =>
        contact.key === key ? { ...contact, ...patch } : contact,
      ),
    });

  const addContact = () => {
    setDraft({
      ...draft,
      contacts: [...draft.contacts, { key: nextKey, type: 'whatsapp', value: '' }],
    });
    setNextKey(nextKey + 1);
    // The new row's value field takes focus once it is drawn.
    requestAnimationFrame(() => document.getElementById(`contact-value-${nextKey}`)?.focus());
  };

  return (
    <form
      className="customer-edit"
      data-testid="customer-edit-form"
      aria-label="Edit the customer"
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <div className="customer-edit-columns">
        {COLUMNS.map(({ field, label, type }, index) => (
          <label key={field} className="customer-field">
            <span>{label}</span>
            <input
              type={type}
              value={draft[field]}
              autoFocus={index === 0}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `customer-${field}-error` : undefined}
              data-testid={`customer-field-${field}`}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
            {errors[field] && (
              <span className="error field-error" id={`customer-${field}-error`}>
                {errors[field]}
              </span>
            )}
          </label>
        ))}
      </div>
      <fieldset className="customer-edit-contacts">
        <legend>Contacts</legend>
        {draft.contacts.length === 0 && <p className="muted">No other contacts.</p>}
        {draft.contacts.map((contact) => {
          const error = errors[`contact-${contact.key}`];
          return (
            <div
              key={contact.key}
              className="customer-contact-row"
              data-testid="customer-contact-row"
            >
              <select
                aria-label="Contact type"
                value={contact.type}
                onChange={(event) => {
                  if (isContactType(event.target.value))
                    setContact(contact.key, { type: event.target.value });
                }}
              >
                {CONTACT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {CONTACT_TYPE_LABELS[type]}
                  </option>
                ))}
              </select>
              <input
                id={`contact-value-${contact.key}`}
                aria-label={`${CONTACT_TYPE_LABELS[contact.type]} value`}
                value={contact.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `contact-${contact.key}-error` : undefined}
                onChange={(event) => setContact(contact.key, { value: event.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove the ${CONTACT_TYPE_LABELS[contact.type]} contact ${contact.value}`}
                onClick={() =>
                  setDraft({
                    ...draft,
                    contacts: draft.contacts.filter((c) => c.key !== contact.key),
                  })
                }
              >
                <TrashIcon />
              </button>
              {error && (
                <span className="error field-error" id={`contact-${contact.key}-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
        <button type="button" onClick={addContact} data-testid="customer-add-contact">
          <PlusIcon /> Add contact
        </button>
      </fieldset>
      {errors.form && (
        <p className="error" role="alert" data-testid="customer-edit-error">
          {errors.form}
        </p>
      )}
      {Object.keys(errors).some((key) => key !== 'form') && (
        <p className="error" role="alert">
          Some values were refused: fix the marked fields and save again.
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" data-testid="customer-save" disabled={saving}>
          {saving ? (
            <>
              <Spinner /> Saving…
            </>
          ) : (
            'Save'
          )}
        </button>
      </div>
    </form>
  );
}
