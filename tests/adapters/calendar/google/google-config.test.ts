import { describe, expect, it } from 'vitest';
import { GOOGLE_HOSTS, googleConfig } from '@/src/adapters/calendar/google/google-config';

const overrides = { WXT_GOOGLE_API_BASE: 'http://127.0.0.1:9/calendar/v3', WXT_GOOGLE_AUTH_URL: 'http://127.0.0.1:9/o/oauth2/v2/auth' };

describe('googleConfig', () => {
  it('points a test build at the fakes it names', () => {
    expect(googleConfig({ MODE: 'test', ...overrides })).toMatchObject({
      apiBase: overrides.WXT_GOOGLE_API_BASE,
      authUrl: overrides.WXT_GOOGLE_AUTH_URL,
      revokeUrl: 'http://127.0.0.1:9/revoke',
    });
  });

  it('ignores the overrides in a production build: only Google’s hosts', () => {
    const config = googleConfig({ MODE: 'production', ...overrides, WXT_GOOGLE_CLIENT_ID: 'abc.apps.googleusercontent.com' });
    expect(config).toMatchObject({ ...GOOGLE_HOSTS, clientId: 'abc.apps.googleusercontent.com' });
    expect(config.scope).toBe('https://www.googleapis.com/auth/calendar.events.owned');
  });
});
