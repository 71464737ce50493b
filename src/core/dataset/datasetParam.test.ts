import { describe, expect, it } from 'vitest';
import { datasetUrlFromLocation, SAMPLE_MANIFEST } from './datasetParam';

describe('datasetUrlFromLocation', () => {
  it('defaults to the sample next to index.html and resolves relative paths against the page', () => {
    expect(datasetUrlFromLocation('https://studio.example/app/index.html')).toEqual({ url: `https://studio.example/app/${SAMPLE_MANIFEST}` });
    expect(datasetUrlFromLocation('https://studio.example/app/?dataset=%20')).toEqual({ url: `https://studio.example/app/${SAMPLE_MANIFEST}` });
    expect(datasetUrlFromLocation('https://studio.example/app/?dataset=sets/a/manifest.json')).toEqual({ url: 'https://studio.example/app/sets/a/manifest.json' });
  });

  it('accepts http(s) URLs on other hosts', () => {
    const m = encodeURIComponent('http://data.example:8080/m.json');
    expect(datasetUrlFromLocation(`https://studio.example/?dataset=${m}`)).toEqual({ url: 'http://data.example:8080/m.json' });
  });

  it('refuses other schemes, naming the parameter', () => {
    for (const bad of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
      const r = datasetUrlFromLocation(`https://studio.example/?dataset=${encodeURIComponent(bad)}`);
      expect(r).toEqual({ error: expect.stringContaining('only http(s) URLs are allowed') });
      expect((r as { error: string }).error).toContain(bad.slice(0, 10));
    }
  });
});
