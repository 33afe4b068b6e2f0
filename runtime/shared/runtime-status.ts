// What `GET /api/status` returns: enough for the designer's header and problem banner.
export interface RuntimeStatus {
  version: string;
  dataDir: string;
  urls: { admin: string; public: string; tunnel?: string };
  problems: { path: string; keptAt: string; reason: string; at: string }[];
}
