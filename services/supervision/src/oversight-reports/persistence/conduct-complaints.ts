import { EntityManager } from 'typeorm';
import type { ComplaintUpheldV1 } from '@cityworks/contracts';

/**
 * Keeps a 投诉举报 about a department's own conduct, found substantiated, for the department's
 * monthly 通报 (OversightFiguresRepository counts them by period); once per complaint.
 */
export async function recordConductComplaint(manager: EntityManager, complaint: ComplaintUpheldV1): Promise<void> {
  await manager.query(
    `INSERT INTO conduct_complaints (complaint_id, department_code, region_code, upheld_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (complaint_id) DO NOTHING`,
    [complaint.complaintId, complaint.departmentCode, complaint.regionCode, complaint.upheldAt],
  );
}
