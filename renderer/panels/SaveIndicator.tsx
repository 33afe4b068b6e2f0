import { useEditor } from '../store/editor-store';

const TEXT = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  error: '',
};

export function SaveIndicator() {
  const status = useEditor((state) => state.saveStatus);
  const error = useEditor((state) => state.saveError);
  const saveNow = useEditor((state) => state.saveNow);
  const hasFlow = useEditor((state) => state.flow !== undefined);
  if (!hasFlow) return null;
  return (
    <span
      className={`save-indicator status-${status}`}
      data-testid="save-status"
      data-status={status}
      role="status"
    >
      {status === 'error' ? (
        <>
          {error}{' '}
          <button type="button" className="link" onClick={() => void saveNow()}>
            Retry
          </button>
        </>
      ) : (
        TEXT[status]
      )}
    </span>
  );
}
