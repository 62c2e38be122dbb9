/* The Redis version this engine reproduces, as HELLO and INFO report it. */
export const REDIS_VERSION = '7.0.15';
