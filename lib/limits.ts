/** Bodies larger than this (in bytes, after base64 decoding) are refused with 413. */
export const MAX_BODY_BYTES = 256 * 1024;
