// The configuration plane's stores on one open database (openStores picks this backend
// for `hookflow serve --database`).
import type { Logger } from '../../logger';
import type { FlowVersionsStore } from '../flow-versions-store';
import type { FlowsStore } from '../flows-store';
import type { ProjectTokensStore } from '../project-tokens-store';
import type { SecretsStore } from '../secrets-store';
import type { SettingsStore } from '../settings-store';
import type { StoreProblems } from '../store-problems';
import type { Database } from './database';
import { PgFlowVersionsStore } from './pg-flow-versions-store';
import { PgFlowsStore } from './pg-flows-store';
import { PgProjectTokensStore } from './pg-project-tokens-store';
import { PgSecretsStore } from './pg-secrets-store';
import { PgSettingsStore } from './pg-settings-store';

export interface PostgresStores {
  flows: FlowsStore;
  versions: FlowVersionsStore;
  settings: SettingsStore;
  secrets: SecretsStore;
  tokens: ProjectTokensStore;
}

export async function openPostgresStores(
  db: Database,
  secretsKey: Buffer,
  problems: StoreProblems,
  logger: Logger,
): Promise<PostgresStores> {
  // The key first: an instance with the wrong one stops before it reads anything else.
  const secrets = await PgSecretsStore.open(db, secretsKey, logger);
  const [flows, settings, tokens] = await Promise.all([
    PgFlowsStore.open(db, problems, logger),
    PgSettingsStore.open(db, logger),
    PgProjectTokensStore.open(db, logger),
  ]);
  return { flows, versions: new PgFlowVersionsStore(db), settings, secrets, tokens };
}
