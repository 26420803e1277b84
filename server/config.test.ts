import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config: the public origin', () => {
  it('is unset by default, and read without its trailing slash', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).publicBaseUrl).toBeNull();
    const config = loadConfig({ NODE_ENV: 'test', QINGDAN_PUBLIC_BASE_URL: 'https://qingdan.wsq.example.cn/' });
    expect(config.publicBaseUrl).toBe('https://qingdan.wsq.example.cn');
    // E-mailed links use it too, unless notifications name their own origin.
    expect(config.notify.baseUrl).toBe('https://qingdan.wsq.example.cn');
    expect(loadConfig({ NODE_ENV: 'test', QINGDAN_PUBLIC_BASE_URL: 'https://a.example.cn', QINGDAN_NOTIFY_BASE_URL: 'https://b.example.cn' }).notify.baseUrl).toBe('https://b.example.cn');
  });

  it('refuses anything but an http(s) origin, naming the variable', () => {
    for (const bad of ['qingdan.example.cn', 'ftp://qingdan.example.cn', 'https://qingdan.example.cn/portal']) {
      expect(() => loadConfig({ NODE_ENV: 'test', QINGDAN_PUBLIC_BASE_URL: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'test', QINGDAN_PUBLIC_BASE_URL: bad }), bad).toThrow(/QINGDAN_PUBLIC_BASE_URL/);
    }
  });
});
