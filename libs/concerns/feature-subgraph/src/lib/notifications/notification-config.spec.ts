import { loadConfig } from '@nets/shared/util-config';
import { notificationConfigSchema } from './notification-config';

describe('notification configuration', () => {
  it('is off by default, with a local sender and retry settings', () => {
    expect(loadConfig(notificationConfigSchema, {})).toEqual({
      NOTIFY_SMTP_URL: undefined,
      NOTIFY_FROM: 'NETS <no-reply@nets.localhost>',
      NOTIFY_RETRY_BASE_MS: 30_000,
      NOTIFY_MAX_ATTEMPTS: 8,
    });
    expect(loadConfig(notificationConfigSchema, { NOTIFY_SMTP_URL: '  ' }).NOTIFY_SMTP_URL).toBeUndefined();
  });

  it('takes an smtp:// or smtps:// server', () => {
    for (const url of ['smtp://127.0.0.1:2525', 'smtps://user:secret@smtp.example.nhs.uk:465'])
      expect(loadConfig(notificationConfigSchema, { NOTIFY_SMTP_URL: url }).NOTIFY_SMTP_URL).toBe(url);
  });

  it('refuses anything else, naming the variable', () => {
    for (const url of ['http://smtp.example.nhs.uk', 'smtp.example.nhs.uk:25'])
      expect(() => loadConfig(notificationConfigSchema, { NOTIFY_SMTP_URL: url })).toThrow(/NOTIFY_SMTP_URL/);
    expect(() => loadConfig(notificationConfigSchema, { NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(
      /NOTIFY_MAX_ATTEMPTS/,
    );
  });
});
