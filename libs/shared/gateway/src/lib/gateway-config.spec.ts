import { gatewayConfigSchema } from './gateway-config';

describe('gatewayConfigSchema', () => {
  it('reads the trusted proxies as a list, and none when unset', () => {
    expect(
      gatewayConfigSchema.parse({ GATEWAY_TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.4 ,' })
        .GATEWAY_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', '192.168.1.4']);
    expect(gatewayConfigSchema.parse({}).GATEWAY_TRUSTED_PROXIES).toEqual([]);
  });
});
