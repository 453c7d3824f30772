import { JSON_CONTENT_TYPE } from './negotiation';
import type { Answer, ProxyResult } from './types';

/** A success: the data in the `{ status: "Success", data }` envelope, a raw body (JSON unless it says), or none (204). */
export function successResponse(result: Answer): ProxyResult {
  const headers = { ...result.headers };
  if (result.raw !== undefined) {
    return {
      statusCode: result.status,
      headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
      body: result.raw,
      ...(result.base64 ? { isBase64Encoded: true } : {}),
    };
  }
  if (result.data === undefined) return { statusCode: result.status, headers };
  return {
    statusCode: result.status,
    headers: { ...headers, 'content-type': JSON_CONTENT_TYPE },
    body: JSON.stringify({ status: 'Success', data: result.data }),
  };
}
