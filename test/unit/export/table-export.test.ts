import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../../src/domain/export/csv';
import { tableExport } from '../../../src/domain/export/table-export';

const base = { area: 'Synthetic Borough', indicator: 'imd', release: '2025', caption: 'Synthetic caption.' } as const;

describe('table export names and preamble', () => {
  it('names the file by area (from metadata), view, indicator, release and ward filter', () => {
    expect(tableExport({ ...base, view: 'deprivation' }).fileName).toBe(
      'synthetic-borough-table-lsoas-imd-iod2025.csv',
    );
    expect(tableExport({ ...base, view: 'deprivation', indicator: 'inc', release: '2019' }).fileName).toBe(
      'synthetic-borough-table-lsoas-income-iod2019.csv',
    );
    expect(tableExport({ ...base, view: 'deprivation', indicator: 'cyp', ward: 'Ward A & B' }).fileName).toBe(
      'synthetic-borough-table-lsoas-children-and-young-people-iod2025-ward-a-b.csv',
    );
    expect(tableExport({ ...base, view: 'change', release: '2015' }).fileName).toBe(
      'synthetic-borough-table-change-imd-iod2019-iod2025.csv',
    );
    expect(tableExport({ ...base, view: 'wards', release: '2019' }).fileName).toBe(
      'synthetic-borough-table-wards-decile-1-share-iod2019.csv',
    );
    const spi = { source: 'synthetic.csv', measure: 'spi', measureLabel: 'Social Progress Index', year: 2023 };
    expect(tableExport({ ...base, view: 'spi', spi }).fileName).toBe('synthetic-borough-table-wards-spi-2023.csv');
    expect(tableExport({ ...base, view: 'spi', spi: { ...spi, measure: 'water_and_sanitation' } }).fileName).toBe(
      'synthetic-borough-table-wards-spi-water-and-sanitation-2023.csv',
    );
    const names = new Set(
      (['deprivation', 'change', 'wards', 'spi'] as const).flatMap((view) =>
        (['imd', 'inc'] as const).map((indicator) => tableExport({ ...base, view, indicator, spi }).fileName),
      ),
    );
    expect(names.size).toBe(5); // the indicator matters only in the deprivation view
  });

  it('the SPI table cites the SPI file, not an IoD release', () => {
    const spi = { source: 'council-spi-2023.csv', measure: 'spi', measureLabel: 'Social Progress Index', year: 2023 };
    const text = tableCsv(
      [{ header: 'Ward', value: (r: string) => r }],
      ['Synthetic Ward'],
      tableExport({ ...base, view: 'spi', spi }).context,
    );
    expect(text).toContain('Social Progress Index ward scores from the file ""council-spi-2023.csv""');
    expect(text).toContain('#,"Release: Social Progress Index 2023 (0–100, higher is better)"');
    const component = tableExport({
      ...base,
      view: 'spi',
      spi: { ...spi, measure: 'shelter', measureLabel: 'Shelter' },
    }).context;
    expect(component.releaseTitle).toBe('Social Progress Index 2023: Shelter (0–100, higher is better)');
    expect(text).not.toMatch(/Indices of Deprivation/);
    const iod = tableCsv(
      [{ header: 'LSOA', value: (r: string) => r }],
      ['E01999999'],
      tableExport({ ...base, view: 'deprivation' }).context,
    );
    expect(iod).toContain('#,Release: English Indices of Deprivation 2025 (LSOA 2021)');
    expect(iod).toContain('#,Neighbourhood Atlas export: Synthetic Borough');
  });
});
