import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../../scripts/render-icons';
import { decodePng } from '../../e2e/png';

describe('the toolbar icon', () => {
  it.each(ICON_SIZES)('public/icon/%i.png is that size, with transparent corners and a drawn middle', (size) => {
    const png = decodePng(new Uint8Array(readFileSync(`public/icon/${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    const alpha = (x: number, y: number) => png.rgba[(y * size + x) * 4 + 3]!;
    // Rounded corners: the very corner is see-through, the middle opaque and not one flat colour.
    expect(alpha(0, 0)).toBeLessThan(64);
    expect(alpha(size >> 1, size >> 1)).toBe(255);
    const colours = new Set<number>();
    for (let i = 0; i < png.rgba.length; i += 4) colours.add((png.rgba[i]! << 16) | (png.rgba[i + 1]! << 8) | png.rgba[i + 2]!);
    expect(colours.size).toBeGreaterThan(4);
  });
});
