import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import type { TableModel } from '../tables/table-model';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportFileName,
  exportTable,
  type ExportFormat,
} from './table-export';

/** `?export=<table id>&format=csv|xlsx` on a page's own address: the same answer, as a file. */
export interface ExportRequest {
  tableId: string;
  format: ExportFormat;
}

export function exportRequestOf(request: FastifyRequest): ExportRequest | undefined {
  const query = request.query as Record<string, unknown>;
  const tableId = query['export'];
  const format = query['format'];
  if (typeof tableId !== 'string' || !tableId) return undefined;
  return {
    tableId,
    format: (EXPORT_FORMATS as readonly unknown[]).includes(format) ? (format as ExportFormat) : 'csv',
  };
}

/** The page's address with one table's export asked for. */
export function exportHref(requestUrl: string, tableId: string, format: ExportFormat): string {
  const url = new URL(requestUrl, 'http://portal');
  url.searchParams.set('export', tableId);
  url.searchParams.set('format', format);
  return `${url.pathname}${url.search}`;
}

/**
 * Renders the page, or sends one of its tables as a file when the address asks for an export: both come from
 * the same view model, built from the same graph answer, so an export is suppressed exactly as the page is.
 */
export async function renderPageOrExport(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  page: Record<string, unknown> & { title: string },
  tables: readonly TableModel[],
): Promise<FastifyReply> {
  const asked = exportRequestOf(request);
  if (!asked) {
    const exports = Object.fromEntries(
      tables.map((table) => [
        table.id,
        { csv: exportHref(request.url, table.id, 'csv'), xlsx: exportHref(request.url, table.id, 'xlsx') },
      ]),
    );
    return renderPage(reply, template, { ...page, exports });
  }
  const table = tables.find((candidate) => candidate.id === asked.tableId);
  if (!table) return renderPage(reply.code(404), 'not-found.njk', { title: 'Page not found' });
  const file = await exportTable(table, asked.format);
  return reply
    .header('content-type', CONTENT_TYPES[asked.format])
    .header('content-disposition', `attachment; filename="${exportFileName(table, asked.format)}"`)
    .header('cache-control', 'no-store')
    .send(file);
}
