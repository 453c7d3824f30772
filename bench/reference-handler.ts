/**
 * The reference bundle of the benchmarks: only DynamoDBDocumentClient and one
 * TransactWriteCommand, the least a create-with-a-title-lock function needs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { title: string; owner: string; id: string }) => {
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: process.env.TABLE_NAME,
            Item: { pk: event.owner, sk: event.id, title: event.title },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: process.env.TABLE_NAME,
            Item: { pk: event.owner, sk: `TITLE#${event.title}` },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
  return { statusCode: 201 };
};
