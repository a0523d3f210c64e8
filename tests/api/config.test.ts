import { bootStrapi } from '../helpers/strapi';

describe('plugin configuration from the host app', () => {
  it('stops the boot with a message that names each wrong key', async () => {
    const boot = bootStrapi({
      env: { LIVE_SUPPORT_CONFIG: JSON.stringify({ realtime: { maxPayloadBytes: 10 }, seedDefault: false }) },
    });
    await expect(boot).rejects.toThrow(/Invalid configuration for plugin "live-support"/);
    await expect(boot).rejects.toThrow(/realtime\.maxPayloadBytes: Too small: expected number to be >=1024/);
    await expect(boot).rejects.toThrow(/seedDefault/);
  });
});
