import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Whole records read by SQL written once per entity. TypeORM's `find` builds its statement from
 * the entity's metadata on every call — a CPU profile of the approval service answering
 * `GET /projects/{code}/timing` under load had a fifth of the process in TypeORM for that
 * request's two reads (docs/benchmarks.md) — so the hottest reads a service answers go through
 * here: the column list and table are made once, each call adds its condition and parameters,
 * and each row is hydrated by the entity's own column metadata and the driver's conversions
 * (timestamps, jsonb, numbers), as TypeORM would. Plain columns only: an entity with relations
 * or embedded columns is refused when this is made.
 */
export class RecordReads<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly select: string;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    this.metadata = dataSource.getMetadata(target);
    if (this.metadata.relations.length || this.metadata.embeddeds.length)
      throw new Error(`RecordReads reads plain columns; ${this.metadata.name} has relations or embedded columns`);
    const escape = (name: string) => dataSource.driver.escape(name);
    const columns = this.metadata.columns.map((c) => escape(c.databaseName)).join(', ');
    const table = this.metadata.schema ? `${escape(this.metadata.schema)}.${escape(this.metadata.tableName)}` : escape(this.metadata.tableName);
    this.select = `SELECT ${columns} FROM ${table}`;
  }

  /** The records where `condition` holds (SQL after WHERE, parameters as $1, $2, … — and any ORDER BY). */
  async where(condition: string, parameters: readonly unknown[]): Promise<T[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${this.select} WHERE ${condition}`, [...parameters]);
    return rows.map((row) => this.hydrate(row));
  }

  /** The first record where `condition` holds, or null. */
  async one(condition: string, parameters: readonly unknown[]): Promise<T | null> {
    const [record] = await this.where(`${condition} LIMIT 1`, parameters);
    return record ?? null;
  }

  private hydrate(row: Record<string, unknown>): T {
    const record = this.metadata.create() as T;
    for (const column of this.metadata.columns) {
      column.setEntityValue(record, this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return record;
  }
}
