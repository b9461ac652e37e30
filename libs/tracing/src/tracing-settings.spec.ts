import { DEFAULT_ZIPKIN_URL, serviceNameFromEntryPoint, tracingSettings } from './tracing-settings';

describe('tracing settings', () => {
  it('is off unless TRACING=zipkin or OTEL_TRACES_EXPORTER=zipkin asks for it', () => {
    expect(tracingSettings({}, '').enabled).toBe(false);
    expect(tracingSettings({ TRACING: 'off' }, '').enabled).toBe(false);
    expect(tracingSettings({ TRACING: 'zipkin' }, '').enabled).toBe(true);
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' }, '').enabled).toBe(true);
  });

  it('lets OTEL_SDK_DISABLED=true win', () => {
    expect(tracingSettings({ TRACING: 'zipkin', OTEL_SDK_DISABLED: 'true' }, '').enabled).toBe(false);
  });

  it('sends to the local Zipkin unless ZIPKIN_URL or the standard variable names another', () => {
    expect(tracingSettings({}, '').zipkinUrl).toBe(DEFAULT_ZIPKIN_URL);
    expect(tracingSettings({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://z:1/api/v2/spans' }, '').zipkinUrl).toBe('http://z:1/api/v2/spans');
    expect(tracingSettings({ ZIPKIN_URL: 'http://a:2/api/v2/spans', OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://z:1' }, '').zipkinUrl).toBe(
      'http://a:2/api/v2/spans',
    );
  });

  it('names the service after OTEL_SERVICE_NAME, else after the entry point it runs', () => {
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'approval' }, '/x/dist/services/credit/src/main.js').serviceName).toBe('approval');
    expect(serviceNameFromEntryPoint('/srv/cityworks/dist/services/supervision/src/main.js')).toBe('supervision');
    expect(serviceNameFromEntryPoint('/srv/cityworks/dist/workflows/src/worker.js')).toBe('workflows');
    expect(serviceNameFromEntryPoint('/usr/bin/node')).toBe('cityworks');
  });
});
