import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  parseOptions,
  serialiseOptions,
  serialiseState,
  DEFAULT_STATE,
  parseState,
} from '../../../src/state/url-state';

describe('URL display options (layer toggles, SPI measure and year)', () => {
  it('an empty query is the defaults, and the defaults write nothing', () => {
    expect(parseOptions('')).toEqual(DEFAULT_OPTIONS);
    expect(serialiseOptions(DEFAULT_OPTIONS).toString()).toBe('');
  });

  it('round-trips outlines off and an SPI measure and year', () => {
    const o = {
      layers: { p1: false, p10: false, context: false },
      spiMeasure: 'basic_needs',
      spiYear: 2023,
      lists: ['a1b2c3d4e5'],
    };
    const q = serialiseOptions(o);
    expect(q.get('p1')).toBe('0');
    expect(q.get('p10')).toBe('0');
    expect(q.get('spim')).toBe('basic_needs');
    expect(q.get('spiy')).toBe('2023');
    expect(q.get('ctx')).toBe('0');
    expect(q.get('vl')).toBe('a1b2c3d4e5');
    expect(parseOptions(`?${q.toString()}`)).toEqual(o);
    expect(parseOptions('?p10=0')).toEqual({ ...DEFAULT_OPTIONS, layers: { p1: true, p10: false, context: true } });
  });

  it('shows the context layer unless ctx=0, and writes ctx only when hidden', () => {
    expect(parseOptions('').layers.context).toBe(true);
    expect(parseOptions('?ctx=0').layers.context).toBe(false);
    expect(parseOptions('?ctx=1').layers.context).toBe(true);
    expect(parseOptions('?ctx=off').layers.context).toBe(true);
    const hidden = { ...DEFAULT_OPTIONS, layers: { ...DEFAULT_OPTIONS.layers, context: false } };
    expect(serialiseOptions(hidden).toString()).toBe('ctx=0');
    expect(serialiseOptions(DEFAULT_OPTIONS).toString()).toBe('');
  });

  it('names the shown venue lists by id only, dropping bad ids and repeats', () => {
    expect(parseOptions('?vl=abcdefgh12,abcdefgh12,BAD,x,<b>,zzzzzzzz99').lists).toEqual(['abcdefgh12', 'zzzzzzzz99']);
    expect(serialiseOptions({ ...DEFAULT_OPTIONS, lists: ['abcdefgh12', 'nope'] }).toString()).toBe('vl=abcdefgh12');
  });

  it('falls back to defaults, field by field, on nonsense', () => {
    expect(parseOptions('?p1=no&p10=false&spim=<script>&spiy=99999')).toEqual(DEFAULT_OPTIONS);
    expect(parseOptions('?spiy=2023x').spiYear).toBeNull();
    expect(parseOptions('?spiy=1700').spiYear).toBeNull();
    expect(parseOptions('?spim=').spiMeasure).toBeNull();
    expect(parseOptions(`?spim=${'a'.repeat(65)}`).spiMeasure).toBeNull();
    expect(parseOptions('?spim=a%20b').spiMeasure).toBeNull();
  });

  it('lives beside the core state in one query string without disturbing it', () => {
    const search = serialiseState(
      { ...DEFAULT_STATE, view: 'spi' },
      serialiseOptions({
        layers: { p1: true, p10: false, context: true },
        spiMeasure: 'spi',
        spiYear: 2024,
        lists: [],
      }),
    );
    expect(search).toContain('view=spi');
    expect(parseState(search).view).toBe('spi');
    expect(parseOptions(search)).toEqual({
      layers: { p1: true, p10: false, context: true },
      spiMeasure: 'spi',
      spiYear: 2024,
      lists: [],
    });
  });
});
