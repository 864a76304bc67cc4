export { createDb, type Db, type DbOptions, type DbReader, type SqlReader } from './create-db';
export { isDatabaseUnavailable } from './is-database-unavailable';
export { readReplicaLag, type ReplicaLag } from './read-replica-lag';
export { ReplicaMonitor, parseLsn, type ReplicaMonitorOptions } from './replica-monitor';
export { Prisma, type PrismaClient } from './generated/prisma/client';
export type * from './generated/prisma/models';
export { Role, OrderStatus } from './generated/prisma/enums';
