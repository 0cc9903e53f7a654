import * as fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/**
 * Renders Vega-Lite specs to SVG (vega's headless `view.toSVG()`) and SVG to PNG (resvg, a Rust
 * renderer shipped as a prebuilt binary in the npm package: no Cairo, no browser).
 *
 * vega and vega-lite are ESM-only. This project compiles to CommonJS, where TypeScript rewrites
 * `import()` into `require()`, which cannot load ESM; so the import goes through `new Function`,
 * which keeps a real dynamic `import()` at run time. (Jest's VM sandbox refuses dynamic import
 * without --experimental-vm-modules, so tests render charts through the CLI in a child process.)
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

interface VegaModule {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: 'none' }) => { toSVG(): Promise<string>; finalize(): void };
}
interface VegaLiteModule {
  compile(spec: unknown): { spec: unknown };
}

/** Fonts resvg may use: DejaVu Sans when installed (Debian: fonts-dejavu-core), plus system fonts. */
const FONT_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].filter((f) => fs.existsSync(f));

/** Thrown when a chart cannot be rendered (coded, with a hint). */
export class ChartError extends Error {
  readonly code = 'CHART_RENDER_FAILED';
  constructor(
    message: string,
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'ChartError';
  }
}

/** Compiles a Vega-Lite spec and renders it to an SVG string. */
export async function renderChartSvg(vegaLiteSpec: Record<string, unknown>): Promise<string> {
  try {
    const vl = (await importEsm('vega-lite')) as VegaLiteModule;
    const vega = (await importEsm('vega')) as VegaModule;
    const view = new vega.View(vega.parse(vl.compile(vegaLiteSpec).spec), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  } catch (err) {
    throw new ChartError(`cannot render the chart: ${(err as Error).message}`, err);
  }
}

/** Rasterises an SVG to PNG at `scale` (2 = sharp on high-density screens). */
export function svgToPng(svg: string, scale = 2): Buffer {
  // Without any font resvg silently draws no text: install fonts-dejavu-core (see docs/metrics.md).
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
