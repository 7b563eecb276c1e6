import ExcelJS from 'exceljs';
import type { TableModel } from '../tables/table-model';
import { exportFileName, exportTable } from './table-export';

const TABLE: TableModel = {
  id: 'explorer-overall-experience-region-2024',
  caption: 'Overall educational experience by region, 2024',
  columns: [
    { key: 'group', header: 'Region' },
    { key: 'percent', header: 'Percent positive (%)', numeric: true },
    { key: 'interval', header: '95% interval (%)' },
  ],
  rows: [
    {
      group: { text: 'London, "inner"' },
      percent: { text: '71.3', value: 71.3 },
      interval: { text: '65.0 to 77.1' },
    },
    {
      group: { text: 'Midlands' },
      percent: { text: 'Withheld', value: null, withheld: true, withheldReason: 'Withheld: fewer than 3' },
      interval: { text: 'Withheld', withheld: true, withheldReason: 'Withheld: fewer than 3' },
    },
  ],
};

/** What the page shows, row by row: the header texts, then each cell's text. */
const shownRows = (table: TableModel) => [
  table.columns.map((c) => c.header),
  ...table.rows.map((row) => table.columns.map((c) => row[c.key]?.text ?? '')),
];

describe('table exports', () => {
  it("writes a CSV whose rows are the table's rows, withheld as Withheld", async () => {
    const csv = (await exportTable(TABLE, 'csv')).toString('utf8');
    const workbook = new ExcelJS.Workbook();
    const { Readable } = await import('node:stream');
    const sheet = await workbook.csv.read(Readable.from([csv]), { parserOptions: {} });
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1).map(String));
    expect(rows).toEqual(shownRows(TABLE));
    expect(csv).toContain('"London, ""inner"""');
  });

  it("writes an Excel sheet whose rows are the table's rows, numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await exportTable(TABLE, 'xlsx');
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Overall educational experience');
    const rows = (sheet?.getSheetValues() ?? []).slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Region', 'Percent positive (%)', '95% interval (%)'],
      ['London, "inner"', 71.3, '65.0 to 77.1'],
      ['Midlands', 'Withheld', 'Withheld'],
    ]);
    expect(rows.map((row) => row.map(String))).toEqual(shownRows(TABLE));
    // Why the withheld cells are withheld: once, on a sheet of its own.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Overall educational experience', 'Notes']);
    expect(workbook.getWorksheet('Notes')?.getSheetValues().slice(1)).toEqual([
      [undefined, 'Notes'],
      [undefined, 'Withheld: fewer than 3'],
    ]);
  });

  it('adds no notes sheet to a table without withheld cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await exportTable({ ...TABLE, rows: TABLE.rows.slice(0, 1) }, 'xlsx');
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets).toHaveLength(1);
  });

  it('names the file after the table', () => {
    expect(exportFileName(TABLE, 'xlsx')).toBe('nets-explorer-overall-experience-region-2024.xlsx');
  });
});
