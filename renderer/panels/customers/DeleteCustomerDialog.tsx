// Deleting a customer asks first, and says what stays: their runs are kept but no longer
// linked to anyone.
import { useState } from 'react';
import type { Customer } from '../../../runtime/shared/customers';
import { customersApi } from '../../api/customers';
import { errorText, useNotices } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { customerLabel } from './customer-format';

interface Props {
  /** The customer to delete; undefined: the dialog is closed. */
  customer: Customer | undefined;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteCustomerDialog({ customer, onClose, onDeleted }: Props) {
  return (
    <Modal
      open={customer !== undefined}
      onClose={onClose}
      title="Delete this customer?"
      testId="delete-customer-dialog"
    >
      {customer && <Confirm customer={customer} onClose={onClose} onDeleted={onDeleted} />}
    </Modal>
  );
}

function Confirm({ customer, onClose, onDeleted }: Props & { customer: Customer }) {
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string>();
  const label = customerLabel(customer);
  const remove = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await customersApi.remove(customer.id);
      useNotices.getState().notify('info', `Deleted ${label}. Their runs are kept, unlinked.`);
      onDeleted();
    } catch (caught) {
      setDeleting(false);
      setError(`Could not delete: ${errorText(caught)}. Nothing was deleted; try again.`);
    }
  };
  return (
    <>
      <p>
        <strong>{label}</strong> and their contacts will be deleted. Their runs are kept but
        unlinked: they no longer open a customer. A later webhook for the same person creates a new
        customer.
      </p>
      {error && (
        <p className="error" role="alert" data-testid="delete-customer-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose} disabled={deleting} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          data-testid="delete-customer-confirm"
          disabled={deleting}
          onClick={() => void remove()}
        >
          {deleting ? <Spinner /> : null} Delete customer
        </button>
      </div>
    </>
  );
}
