import { describe, expect, it } from 'vitest';
import { GOOGLE_HOSTS, googleConfig } from '@/src/adapters/calendar/google/google-config';
import { blankedEndpointSettings, isOfficialUrl, usableEndpoint } from '@/src/adapters/calendar/official-hosts';
import { MICROSOFT_HOSTS, outlookConfig } from '@/src/adapters/calendar/outlook/outlook-config';

const FAKES = {
  WXT_GOOGLE_API_BASE: 'http://127.0.0.1:9/calendar/v3',
  WXT_GOOGLE_AUTH_URL: 'http://127.0.0.1:9/o/oauth2/v2/auth',
  WXT_GRAPH_API_BASE: 'http://127.0.0.1:8',
  WXT_MS_AUTH_BASE: 'http://127.0.0.1:8/common',
};

describe('the official calendar hosts', () => {
  it('are Google’s and Microsoft’s own, over https', () => {
    for (const url of [...Object.values(GOOGLE_HOSTS), ...Object.values(MICROSOFT_HOSTS), 'https://login.microsoftonline.com/contoso.onmicrosoft.com']) {
      expect(isOfficialUrl(url), url).toBe(true);
    }
  });

  it('are nothing else: no http, lookalike, port, credentials or garbage', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'http://www.googleapis.com/calendar/v3',
      'https://www.googleapis.com.evil.example/calendar/v3',
      'https://evilgoogleapis.com/calendar/v3',
      'https://accounts.google.com.evil.example/',
      'https://mail.google.com/',
      'https://graph.microsoft.com:8443/',
      'https://login.microsoftonline.com@evil.example/common',
      'https://user:secret@graph.microsoft.com/',
      'https://127.0.0.1:9/calendar/v3',
    ]) {
      expect(isOfficialUrl(url), String(url)).toBe(false);
    }
  });

  it('bound every build but a test build, whatever the mode is called', () => {
    for (const mode of ['production', 'staging', 'development', 'Test', 'test ']) {
      expect(usableEndpoint(FAKES.WXT_GOOGLE_API_BASE, mode), mode).toBeUndefined();
      expect(usableEndpoint('https://login.microsoftonline.com/contoso.onmicrosoft.com', mode)).toBe(
        'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      );
    }
    expect(usableEndpoint(FAKES.WXT_GOOGLE_API_BASE, 'test')).toBe(FAKES.WXT_GOOGLE_API_BASE);
    expect(usableEndpoint(undefined, 'test')).toBeUndefined();
  });

  it('keep a staging build on the official hosts, for Google and for Outlook', () => {
    expect(googleConfig({ MODE: 'staging', ...FAKES })).toMatchObject(GOOGLE_HOSTS);
    expect(outlookConfig({ MODE: 'staging', ...FAKES })).toMatchObject({ ...MICROSOFT_HOSTS, allowInsecure: false });
    expect(outlookConfig({ MODE: 'staging', WXT_MS_AUTH_BASE: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/' }).authBase).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    );
    expect(outlookConfig({ MODE: 'test', ...FAKES })).toMatchObject({
      graphOrigin: FAKES.WXT_GRAPH_API_BASE,
      authBase: FAKES.WXT_MS_AUTH_BASE,
      allowInsecure: true,
    });
  });

  it('decide what the build blanks: every non-official setting, except in a test build', () => {
    const blankAll = Object.fromEntries(Object.keys(FAKES).map((key) => [`import.meta.env.${key}`, 'undefined']));
    expect(blankedEndpointSettings('production', FAKES)).toEqual(blankAll);
    expect(blankedEndpointSettings('staging', FAKES)).toEqual(blankAll);
    expect(blankedEndpointSettings('staging', {})).toEqual(blankAll);
    expect(blankedEndpointSettings('test', FAKES)).toEqual({});
    const { 'import.meta.env.WXT_MS_AUTH_BASE': _kept, ...rest } = blankAll;
    expect(blankedEndpointSettings('staging', { ...FAKES, WXT_MS_AUTH_BASE: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' })).toEqual(rest);
  });
});
