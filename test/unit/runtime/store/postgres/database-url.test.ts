import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isPostgresUrl,
  redactDatabaseUrl,
  redactPassword,
} from '../../../../../runtime/store/postgres/database-url';

describe('database URLs as Hookflow prints them', () => {
  it('hide the password, in the authority and in the query string', () => {
    assert.equal(
      redactDatabaseUrl('postgres://app:s3cr%40t@db.example:5432/hookflow'),
      'postgres://app:***@db.example:5432/hookflow',
    );
    assert.equal(
      redactDatabaseUrl('postgresql://app@db/hookflow?password=s3cret&sslmode=require'),
      'postgresql://app@db/hookflow?password=***&sslmode=require',
    );
    assert.equal(redactDatabaseUrl('postgres://app@db/hookflow'), 'postgres://app@db/hookflow');
    assert.doesNotMatch(redactDatabaseUrl('postgres://a:b@[bad'), /b@/);
  });

  it('cut the password out of a message that quotes it', () => {
    const url = 'postgres://app:s3cr%40t@db/hookflow';
    assert.equal(
      redactPassword(`failed for ${url}: password s3cr@t rejected`, url),
      'failed for postgres://app:***@db/hookflow: password *** rejected',
    );
  });

  it('tell PostgreSQL URLs from others', () => {
    assert.equal(isPostgresUrl('postgres://x'), true);
    assert.equal(isPostgresUrl('POSTGRESQL://x'), true);
    assert.equal(isPostgresUrl('mysql://x'), false);
  });
});
