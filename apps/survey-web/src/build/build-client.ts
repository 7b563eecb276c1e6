// Builds what the browser gets: the enhancement bundle, the service worker and the stylesheet, into
// SURVEY_WEB_PUBLIC_DIR (default dist/apps/survey-web/public). `npm start`, the Docker image and the browser
// tests run it; it takes well under a second.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildClient(outDir: string): Promise<{ appBytes: number }> {
  mkdirSync(outDir, { recursive: true });
  const source = join(__dirname, '..', 'client');
  const common = {
    bundle: true,
    minify: true,
    target: ['es2020'],
    legalComments: 'none' as const,
    metafile: true,
  };
  const app = await build({
    ...common,
    entryPoints: [join(source, 'app.ts')],
    outfile: join(outDir, 'app.js'),
    format: 'esm',
  });
  await build({
    ...common,
    entryPoints: [join(source, 'sw.js')],
    outfile: join(outDir, 'sw.js'),
    format: 'iife',
    define: { SHELL_VERSION: JSON.stringify(Date.now().toString(36)) },
  });
  copyFileSync(join(source, 'app.css'), join(outDir, 'app.css'));
  return {
    appBytes: Object.values(app.metafile?.outputs ?? {}).reduce((sum, output) => sum + output.bytes, 0),
  };
}

if (require.main === module) {
  const outDir = resolve(process.env['SURVEY_WEB_PUBLIC_DIR'] ?? 'dist/apps/survey-web/public');
  buildClient(outDir).then(
    ({ appBytes }) => process.stdout.write(`built ${outDir} (app.js ${appBytes} bytes)\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
