import { describe, expect, it } from 'vitest';
import { pngFileName } from './savePng';

describe('pngFileName', () => {
  it('keeps names readable and strips anything a file system or shell could trip on', () => {
    expect(pngFileName('HOI sample', 'mug-0/3')).toBe('HOI_sample--mug-0_3.png');
    expect(pngFileName('<img src=x onerror=alert(1)>', '../../etc/passwd')).toBe('img_src_x_onerror_alert_1--etc_passwd.png');
    expect(pngFileName(undefined, undefined)).toBe('hoi-studio.png');
  });
});
