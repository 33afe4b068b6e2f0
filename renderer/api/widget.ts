// The admin API behind the web widget's setup (shapes in runtime/shared/widget.ts).
import type { WidgetSettings } from '../../runtime/shared/widget';
import { request } from './client';

export const widgetApi = {
  settings: (signal?: AbortSignal) =>
    request<{ settings: WidgetSettings }>(
      'GET',
      '/api/channels/widget/settings',
      undefined,
      signal,
    ).then((body) => body.settings),
  save: (settings: Partial<WidgetSettings>) =>
    request<{ settings: WidgetSettings }>('PUT', '/api/channels/widget/settings', settings).then(
      (body) => body.settings,
    ),
};
