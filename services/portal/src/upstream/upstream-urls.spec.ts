import { upstreamUrls } from './upstream-urls';

describe('where the services are', () => {
  it('defaults to the local ports, honours <SERVICE>_PORT and <SERVICE>_URL', () => {
    expect(upstreamUrls({ APPROVAL_PORT: '4002', CREDIT_URL: 'https://credit.example/api/' })).toEqual({
      catalog: 'http://127.0.0.1:3001',
      approval: 'http://127.0.0.1:4002',
      supervision: 'http://127.0.0.1:3003',
      credit: 'https://credit.example/api',
      complaints: 'http://127.0.0.1:3005',
    });
  });

  it('refuses a URL that does not parse, naming the variable', () => {
    expect(() => upstreamUrls({ SUPERVISION_URL: 'not a url' })).toThrow('SUPERVISION_URL must be an http(s) URL, got "not a url"');
  });
});
