import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  parseOptions,
  serialiseOptions,
  serialiseState,
  DEFAULT_STATE,
  parseState,
} from '../../../src/state/url-state';

describe('URL display options (outline toggles, SPI measure and year)', () => {
  it('an empty query is the defaults, and the defaults write nothing', () => {
    expect(parseOptions('')).toEqual(DEFAULT_OPTIONS);
    expect(serialiseOptions(DEFAULT_OPTIONS).toString()).toBe('');
  });

  it('round-trips outlines off and an SPI measure and year', () => {
    const o = {
      outlines: { p1: false, p10: false },
      spiMeasure: 'basic_needs',
      spiYear: 2023,
      context: false,
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
    expect(parseOptions('?p10=0')).toEqual({ ...DEFAULT_OPTIONS, outlines: { p1: true, p10: false } });
  });

  it('shows the context layer unless ctx=0, and writes ctx only when hidden', () => {
    expect(parseOptions('').context).toBe(true);
    expect(parseOptions('?ctx=0').context).toBe(false);
    expect(parseOptions('?ctx=1').context).toBe(true);
    expect(parseOptions('?ctx=off').context).toBe(true);
    expect(serialiseOptions({ ...DEFAULT_OPTIONS, context: false }).toString()).toBe('ctx=0');
    expect(serialiseOptions({ ...DEFAULT_OPTIONS, context: true }).toString()).toBe('');
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
        outlines: { p1: true, p10: false },
        spiMeasure: 'spi',
        spiYear: 2024,
        context: true,
        lists: [],
      }),
    );
    expect(search).toContain('view=spi');
    expect(parseState(search).view).toBe('spi');
    expect(parseOptions(search)).toEqual({
      outlines: { p1: true, p10: false },
      spiMeasure: 'spi',
      spiYear: 2024,
      context: true,
      lists: [],
    });
  });
});
