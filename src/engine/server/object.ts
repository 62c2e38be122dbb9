/*
 * Values stored in the keyspace (Redis's robj). Each has a type, the encoding OBJECT ENCODING reports,
 * its payload, and the access metadata used by OBJECT IDLETIME/FREQ and eviction (lru: virtual ms of
 * last access; lfu: logarithmic access counter). Later data types add their variants to RValue.
 */
import type { Bytes } from '../bytes.ts';

export type StringEncoding = 'int' | 'embstr' | 'raw';

export interface StringValue {
  type: 'string';
  enc: StringEncoding;
  /** The bytes as clients see them (for 'int', the canonical decimal form). */
  v: Bytes;
  lru: number;
  lfu: number;
}

/** Union of every stored value type; data-type modules extend it. */
export type RValue = StringValue;

export type RType = RValue['type'];

/** Longest string Redis stores as embstr (OBJ_ENCODING_EMBSTR_SIZE_LIMIT). */
export const EMBSTR_MAX = 44;
