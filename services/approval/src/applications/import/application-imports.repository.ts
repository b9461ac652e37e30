import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Where an imported application came from (迁移): the old system's 办件编号 and who brought it. */
export interface ApplicationProvenance {
  sourceRef: string;
  applicationId: string;
  importedAt: Date;
  importedBy: string | null;
}

/**
 * `application_imports`, beside the applications themselves: the application is an ordinary
 * 办件 once imported, its provenance is kept apart so the application's own row and model stay
 * the same for every 办件.
 */
@Injectable()
export class ApplicationImportsRepository {
  /** sourceRef → id of the application already imported under it, for the refs asked about. */
  async alreadyImported(manager: EntityManager, sourceRefs: string[]): Promise<Map<string, string>> {
    if (sourceRefs.length === 0) return new Map();
    const rows: { source_ref: string; application_id: string }[] = await manager.query(
      'SELECT source_ref, application_id FROM application_imports WHERE source_ref = ANY($1::varchar[])',
      [sourceRefs],
    );
    return new Map(rows.map((r) => [r.source_ref, r.application_id]));
  }

  async record(manager: EntityManager, provenance: ApplicationProvenance): Promise<void> {
    await manager.query('INSERT INTO application_imports (source_ref, application_id, imported_at, imported_by) VALUES ($1, $2, $3, $4)', [
      provenance.sourceRef,
      provenance.applicationId,
      provenance.importedAt,
      provenance.importedBy,
    ]);
  }
}
