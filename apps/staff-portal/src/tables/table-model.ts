/**
 * A table as a page shows it and as its CSV and Excel exports hold it: one model, so an export's rows are the
 * table's rows, cell for cell.
 */
export interface TableColumn {
  key: string;
  header: string;
  /** Numbers are right-aligned and go to Excel as numbers. */
  numeric?: boolean;
}

export interface TableCell {
  /** What the page shows and the CSV holds. */
  text: string;
  /** The number behind `text`, for Excel; null when the cell holds none (withheld, no data, a label). */
  value?: number | null;
  /** Shown after the text on the page only (a flag's shape, a withheld cell's marker): never exported. */
  badge?: { label: string; tone: string; shape: string };
  /** The cell is withheld: styled as such, never as zero. */
  withheld?: boolean;
  /** Why it is withheld, as the graph says it: under the table on the page, in the Excel file's notes. */
  withheldReason?: string;
  href?: string;
}

export type TableRow = Record<string, TableCell>;

export interface TableModel {
  /** Unique on its page: names the export (`?export=<id>&format=csv`). */
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Said instead of an empty table. */
  emptyText?: string;
}

export const textCell = (text: string, href?: string): TableCell => (href ? { text, href } : { text });

export const numberCell = (value: number | null | undefined, digits = 0, missing = '–'): TableCell =>
  value === null || value === undefined
    ? { text: missing, value: null }
    : { text: value.toFixed(digits), value: Number(value.toFixed(digits)) };

/** The table's rows as the export writes them: the header row, then each row's cell texts or numbers. */
export function tableRows(table: TableModel): Array<Array<string | number>> {
  return [
    table.columns.map((column) => column.header),
    ...table.rows.map((row) =>
      table.columns.map((column) => {
        const cell = row[column.key] ?? { text: '' };
        return column.numeric && typeof cell.value === 'number' ? cell.value : cell.text;
      }),
    ),
  ];
}

/** The reasons the table's withheld cells give, each once: said under the table and in its Excel file. */
export function withheldReasons(table: TableModel): string[] {
  const reasons = new Set<string>();
  for (const row of table.rows)
    for (const cell of Object.values(row))
      if (cell.withheld && cell.withheldReason) reasons.add(cell.withheldReason);
  return [...reasons];
}
