/** Counts the DynamoDB requests the functions send (every command through a document client). */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function countRequests() {
  const spy = jest.spyOn(DynamoDBDocumentClient.prototype, 'send');
  return {
    /** The names of the commands sent since the last call, and forgets them. */
    take(): string[] {
      const names = spy.mock.calls.map(([command]) => (command as object).constructor.name);
      spy.mockClear();
      return names;
    },
    /** The inputs of the commands sent since the last take(), without forgetting them. */
    inputs(): Record<string, unknown>[] {
      return spy.mock.calls.map(([command]) => (command as unknown as { input: Record<string, unknown> }).input);
    },
    restore: () => spy.mockRestore(),
  };
}
