// The Settings view (#/settings): project-wide settings. For now its API tokens (seed 004).
import { ApiTokens } from './ApiTokens';

export function SettingsView() {
  return (
    <div className="settings-view" data-testid="settings-view">
      <h2>Settings</h2>
      <ApiTokens />
    </div>
  );
}
