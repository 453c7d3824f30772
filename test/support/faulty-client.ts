/** A document client of our own configuration on DynamoDB Local, with aws-sdk-client-mock on it to inject faults. */
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../lib/dynamodb/client';

export function faultyDocumentClient() {
  const doc = createDocumentClient({
    region: 'us-east-1',
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT,
    dynamodb: { connectTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 1 },
  });
  const faults = mockClient(doc);
  return {
    doc,
    faults,
    close() {
      faults.restore();
      doc.destroy();
    },
  };
}

/** What DynamoDB throws when it throttles a request. */
export const throttling = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
