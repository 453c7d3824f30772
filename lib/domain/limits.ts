/** The sizes the contract sets, in one place: the schemas, the body checks and the docs read them. */

/** Titles: 1 to 100 characters (code points) after trimming. */
export const TITLE_MAX_LENGTH = 100;

/** Descriptions: at most 1,000 characters (code points). */
export const DESCRIPTION_MAX_LENGTH = 1000;

/** A batch creates 1 to 25 projects (51 transaction items with a record, under DynamoDB's 100). */
export const MAX_BATCH_SIZE = 25;

/** A page of a listing: 1 to 100 projects, 20 when the client does not say. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Bodies larger than this (in bytes, after base64 decoding) are refused with 413. */
export const MAX_BODY_BYTES = 256 * 1024;
