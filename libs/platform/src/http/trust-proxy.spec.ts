import express from 'express';
import request from 'supertest';
import { trustProxySetting } from './trust-proxy';

function appTrusting(value: string | undefined) {
  const app = express();
  const setting = trustProxySetting(value);
  if (setting !== undefined) app.set('trust proxy', setting);
  app.get('/ip', (req, res) => {
    res.json({ ip: req.ip });
  });
  return app;
}

describe('trustProxySetting', () => {
  it('reads the values Express takes', () => {
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting(' ')).toBeUndefined();
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });

  it('takes the client from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7' };
    expect((await request(appTrusting(undefined)).get('/ip').set(forwarded)).body.ip).not.toBe('203.0.113.7');
    expect((await request(appTrusting('loopback')).get('/ip').set(forwarded)).body.ip).toBe('203.0.113.7');
    expect((await request(appTrusting('10.0.0.0/8')).get('/ip').set(forwarded)).body.ip).not.toBe('203.0.113.7');
  });
});
