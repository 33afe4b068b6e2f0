// Which version a manual run or a test chat uses: the published one (what webhooks run)
// or the draft on the canvas. Published is the default once there is one.
import { useState } from 'react';
import { useEditor } from '../../store/editor-store';

export type VersionChoice = 'published' | 'draft';

/** The choice, defaulting to the published version while the user has not picked one. */
export function useVersionChoice(): [VersionChoice, (choice: VersionChoice) => void] {
  const published = useEditor((state) => state.flow?.published?.version);
  const [picked, setPicked] = useState<VersionChoice>();
  const choice = picked === 'published' && published === undefined ? 'draft' : picked;
  return [choice ?? (published === undefined ? 'draft' : 'published'), setPicked];
}

interface Props {
  id: string;
  value: VersionChoice;
  onChange: (choice: VersionChoice) => void;
  disabled?: boolean;
  testId?: string;
}

export function VersionPicker({ id, value, onChange, disabled, testId }: Props) {
  const published = useEditor((state) => state.flow?.published?.version);
  return (
    <span className="version-picker">
      <label htmlFor={id} className="visually-hidden">
        Version
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value === 'draft' ? 'draft' : 'published')}
      >
        <option value="published" disabled={published === undefined}>
          {published === undefined ? 'Published (none yet)' : `Published v${published}`}
        </option>
        <option value="draft">Draft (canvas)</option>
      </select>
    </span>
  );
}
