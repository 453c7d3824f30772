/** The storage in memory that the use cases' unit tests run against answers as the DynamoDB adapter does. */

import { memoryStorage } from '../../support/memory-storage';
import { describeCreateStorage } from '../../support/storage-contract';

describeCreateStorage(memoryStorage);
