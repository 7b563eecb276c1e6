import ExcelJS from 'exceljs';
import { tableRows, withheldReasons, type TableModel } from '../tables/table-model';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Excel limits a sheet's name to 31 characters, without []:*?/\ . */
const sheetName = (caption: string): string =>
  caption
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim() || 'Table';

function workbookOf(table: TableModel): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NETS Reporting Tool';
  const sheet = workbook.addWorksheet(sheetName(table.caption));
  sheet.addRows(tableRows(table));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(12, table.columns[index]?.header.length ?? 12));
  });
  // The reasons of withheld cells on a sheet of their own: the table's sheet holds exactly the table's rows.
  const reasons = withheldReasons(table);
  if (reasons.length) {
    const notes = workbook.addWorksheet('Notes');
    notes.addRows([['Notes'], ...reasons.map((reason) => [reason])]);
    notes.getColumn(1).width = 100;
  }
  return workbook;
}

/** The table as a CSV or Excel file: its header and rows exactly (withheld cells as "Withheld", never 0). */
export async function exportTable(table: TableModel, format: ExportFormat): Promise<Buffer> {
  const workbook = workbookOf(table);
  const written = format === 'csv' ? await workbook.csv.writeBuffer() : await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}

/** A file name from the table's id and the page's filters, safe in a Content-Disposition header. */
export const exportFileName = (table: TableModel, format: ExportFormat): string =>
  `nets-${table.id.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.${format}`;
