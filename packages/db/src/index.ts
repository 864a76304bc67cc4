export { createDb, type Db, type DbOptions } from './create-db';
export { readReplicaLag, type ReplicaLag } from './read-replica-lag';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/models';
