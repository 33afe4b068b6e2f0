// Notices: over the open canvas's lower middle (never over the dock, its Send button or
// the inspector), or in the window's corner while no flow is open.
import { createPortal } from 'react-dom';
import { useNotices } from '../store/notices-store';
import { useUi } from '../store/ui-store';

export function Notices() {
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  const anchor = useUi((state) => state.noticeAnchor);
  const list = (
    <div
      className={`notices${anchor ? ' in-canvas' : ''}`}
      aria-live="polite"
      data-testid="notices"
    >
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                notice.action?.run();
                dismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
  return anchor ? createPortal(list, anchor) : list;
}
