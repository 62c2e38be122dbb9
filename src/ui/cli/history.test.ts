import { describe, expect, it } from 'vitest';
import { History, isSensitiveCommand, type LineStore } from './history.ts';

class MemoryStore implements LineStore {
  data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
}

describe('history', () => {
  it('navigates up and down, keeping the line being typed', () => {
    const h = new History(null);
    h.add('set a 1');
    h.add('get a');
    expect(h.up('draft')).toBe('get a');
    expect(h.up('get a')).toBe('set a 1');
    expect(h.up('set a 1')).toBeNull();
    expect(h.down('set a 1')).toBe('get a');
    expect(h.down('get a')).toBe('draft');
    expect(h.down('draft')).toBeNull();
  });

  it('skips repeats, is bounded and persists', () => {
    const store = new MemoryStore();
    const h = new History(store, 3);
    for (const l of ['a', 'a', 'b', 'c', 'd']) h.add(l);
    expect(h.all).toEqual(['b', 'c', 'd']);
    expect(new History(store, 3).all).toEqual(['b', 'c', 'd']);
    store.setItem('redis-playground:history', 'not json');
    expect(new History(store).all).toEqual([]);
  });

  it('recognises commands with secrets', () => {
    expect(isSensitiveCommand(['AUTH', 'pw'])).toBe(true);
    expect(isSensitiveCommand(['config', 'set', 'requirepass', 'x'])).toBe(true);
    expect(isSensitiveCommand(['hello', '3', 'auth', 'u', 'p'])).toBe(true);
    expect(isSensitiveCommand(['hello', '3', 'setname', 'n', 'x'])).toBe(false);
    expect(isSensitiveCommand(['get', 'auth'])).toBe(false);
  });
});

describe('history shared by tabs', () => {
  it('keeps lines added by another History over the same store', () => {
    const store = new MemoryStore();
    const a = new History(store);
    const b = new History(store);
    a.add('from a');
    b.add('from b');
    expect(new History(store).all).toEqual(['from a', 'from b']);
  });
});
