import type { Idempotency, IdempotencyRecord, StoredResponse } from '../domain/idempotency';
import { reject } from '../errors/rejections';

/** The header a replayed answer carries, success or rejection. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** The first answer again, for the same request; 422 for another request under the same key. */
export function replay(record: IdempotencyRecord, idempotency: Idempotency): StoredResponse {
  if (record.fingerprint !== idempotency.fingerprint) throw reject('IDEMPOTENCY_KEY_REUSED');
  const { response } = record;
  if (response.error) {
    throw reject(response.error.code, {
      ...(response.error.details ? { details: response.error.details } : {}),
      headers: { [REPLAYED_HEADER]: 'true' },
    });
  }
  return {
    status: response.status,
    ...(response.data === undefined ? {} : { data: response.data }),
    headers: { ...response.headers, [REPLAYED_HEADER]: 'true' },
  };
}
