import { corsOrigins, DEVELOPMENT_CORS_ORIGINS, gatewayConfigSchema } from './gateway-config';

describe('gatewayConfigSchema', () => {
  it('reads the trusted proxies as a list, and none when unset', () => {
    expect(
      gatewayConfigSchema.parse({ GATEWAY_TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.4 ,' })
        .GATEWAY_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', '192.168.1.4']);
    expect(gatewayConfigSchema.parse({}).GATEWAY_TRUSTED_PROXIES).toEqual([]);
  });

  it('allows the local web apps in development and tests, no origin in production, or the configured list', () => {
    const origins = (env: Record<string, string>) => corsOrigins(gatewayConfigSchema.parse(env));
    expect(origins({})).toEqual([...DEVELOPMENT_CORS_ORIGINS]);
    expect(origins({ NETS_ENV: 'test' })).toContain('http://localhost:4200');
    expect(corsOrigins({ NETS_ENV: 'production', GATEWAY_CORS_ORIGINS: undefined })).toEqual([]);
    expect(
      origins({ GATEWAY_CORS_ORIGINS: 'https://survey.example.nhs.uk, https://portal.example.nhs.uk:8443' }),
    ).toEqual(['https://survey.example.nhs.uk', 'https://portal.example.nhs.uk:8443']);
    expect(origins({ GATEWAY_CORS_ORIGINS: 'none' })).toEqual([]);
  });

  it('refuses origins that are not scheme://host[:port]', () => {
    for (const bad of [
      '*',
      'https://x.example/path',
      'survey.example',
      'ftp://x.example',
      'https://*.example',
    ]) {
      expect(() => gatewayConfigSchema.parse({ GATEWAY_CORS_ORIGINS: bad })).toThrow();
    }
  });
});
