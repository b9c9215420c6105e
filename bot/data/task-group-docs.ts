import type { Container, SqlParameter } from '@azure/cosmos';
import { queryAll } from './cosmos/query';

/**
 * taskGroups container (partition key /groupId), one partition per group:
 *   { type: "group", id: <groupId>, ...group }                       (task-group-store.ts)
 *   { type: "member", id: "member:<userId>", groupId, userId, ... }  (task-group-store.ts)
 *   { type: "call", id: "call:<callId>", groupId, ...call }          (call-store.ts)
 *   { type: "export", id: "export:<token hash>", groupId, ... }      (call-store.ts)
 *   { type: "contribution", id: "contribution:<id>", groupId, ... }  (contribution-store.ts)
 */
export type Doc<T, K extends string> = T & { type: K; id: string; groupId: string };

/** Queries about one group's documents of one type. */
export interface GroupQueries {
  /** Every result of a query that names @g (the group) and stays in its partition. */
  inGroup<T>(groupId: string, select: string, type: string, rest?: string, parameters?: SqlParameter[]): Promise<T[]>;
  /** Every result of a query across groups. */
  all<T>(query: string, parameters?: SqlParameter[]): Promise<T[]>;
}

export const groupQueries = (container: Container): GroupQueries => ({
  inGroup: (groupId, select, type, rest = '', parameters = []) =>
    queryAll(container, `SELECT ${select} FROM c WHERE c.groupId = @g AND c.type = '${type}'${rest ? ` ${rest}` : ''}`, [{ name: '@g', value: groupId }, ...parameters], groupId),
  all: (query, parameters = []) => queryAll(container, query, parameters),
});
