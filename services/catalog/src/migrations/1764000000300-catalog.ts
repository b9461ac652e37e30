import { MigrationInterface, QueryRunner } from 'typeorm';

const q = (list: readonly string[]) => list.map((v) => `'${v}'`).join(', ');
const CATEGORIES = q(['行政许可', '行政确认', '行政备案', '第三方机构审查', '市政公用报装接入']);
const STAGES = q(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', '市政公用报装']);
const PROJECT_TYPES = q(['政府投资房屋建筑', '社会投资房屋建筑', '社会投资简易低风险', '城市基础设施线性工程']);

/** Columns every listed version has; the timeline is (region_code, code, version). */
const VERSION_COLUMNS = `
  id uuid PRIMARY KEY,
  code varchar(64) NOT NULL,
  region_code varchar(6) NOT NULL REFERENCES regions(code),
  version int NOT NULL CHECK (version >= 1),
  effective_from date NOT NULL,
  follows_version int CHECK (follows_version >= 1),
  retired boolean NOT NULL DEFAULT false,
  change_note text,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by varchar(100),
  amended_at timestamptz`;

/** One version number and one start date per item and list; last in each versions table. */
const TIMELINE_UNIQUE = `
  UNIQUE (region_code, code, version),
  UNIQUE (region_code, code, effective_from)`;

export class Catalog1764000000300 implements MigrationInterface {
  name = 'Catalog1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE regions (
      code varchar(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
      name varchar(100) NOT NULL,
      level varchar(8) NOT NULL CHECK (level IN ('省', '市', '区县', '开发区')),
      parent_code varchar(6) REFERENCES regions(code),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX regions_parent ON regions (parent_code)`);
    await q.query(`CREATE TABLE departments (
      code varchar(64) PRIMARY KEY,
      name varchar(100) NOT NULL,
      region_code varchar(6) NOT NULL REFERENCES regions(code),
      kind varchar(16) NOT NULL CHECK (kind IN ('行政审批局', '行业监管部门', '工改办', '信用', '投诉受理', '公用事业单位')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX departments_region ON departments (region_code)`);
    // 文号 such as 鞍工改办督〔2026〕12号 start with the issuing office's short name: unique
    await q.query(`CREATE TABLE letter_offices (
      code varchar(64) PRIMARY KEY,
      name varchar(200) NOT NULL,
      short_name varchar(32) NOT NULL UNIQUE,
      department_code varchar(64) NOT NULL REFERENCES departments(code) ON DELETE CASCADE
    )`);

    await q.query(`CREATE TABLE approval_item_versions (${VERSION_COLUMNS},
      name varchar(200) NOT NULL,
      category varchar(16) NOT NULL CHECK (category IN (${CATEGORIES})),
      stage varchar(16) NOT NULL CHECK (stage IN (${STAGES})),
      department_code varchar(64) NOT NULL REFERENCES departments(code),
      supervising_department_code varchar(64) NOT NULL REFERENCES departments(code),
      legal_basis text NOT NULL,
      materials text[] NOT NULL DEFAULT '{}',
      intermediary_service_required boolean NOT NULL,
      technical_review_required boolean NOT NULL,
      expert_review_required boolean NOT NULL,
      site_survey_required boolean NOT NULL,
      time_limit_working_days int NOT NULL CHECK (time_limit_working_days BETWEEN 0 AND 365),
      allowed_clock_stops text[] NOT NULL DEFAULT '{}',
      commitment_allowed boolean NOT NULL,
      commitment_verification_working_days int CHECK (commitment_verification_working_days BETWEEN 1 AND 365),
      supervision_feedback_working_days int NOT NULL CHECK (supervision_feedback_working_days BETWEEN 1 AND 365),
      warning_lead_working_days int NOT NULL CHECK (warning_lead_working_days BETWEEN 0 AND 365),
      reminder_grace_working_days int NOT NULL CHECK (reminder_grace_working_days BETWEEN 1 AND 365),
      escalation_grace_working_days int NOT NULL CHECK (escalation_grace_working_days BETWEEN 1 AND 365),
      CHECK (commitment_allowed = (commitment_verification_working_days IS NOT NULL)),${TIMELINE_UNIQUE}
    )`);
    await q.query(`CREATE INDEX approval_item_versions_code ON approval_item_versions (code)`);

    await q.query(`CREATE TABLE supervision_item_versions (${VERSION_COLUMNS},
      name varchar(200) NOT NULL,
      department_code varchar(64) NOT NULL REFERENCES departments(code),
      subject text NOT NULL,
      measures text[] NOT NULL,
      legal_basis text NOT NULL,
      random_check_ratio numeric(5, 4) NOT NULL CHECK (random_check_ratio BETWEEN 0 AND 1),
      checks_per_year int NOT NULL CHECK (checks_per_year BETWEEN 0 AND 366),
      risk_level varchar(2) NOT NULL CHECK (risk_level IN ('高', '中', '低')),
      approval_item_codes text[] NOT NULL DEFAULT '{}',${TIMELINE_UNIQUE}
    )`);
    await q.query(`CREATE INDEX supervision_item_versions_code ON supervision_item_versions (code)`);

    // code = the project type; entries = [{stage, itemCode, condition?, note?}]
    await q.query(`CREATE TABLE stage_template_versions (${VERSION_COLUMNS},
      name varchar(200) NOT NULL,
      entries jsonb NOT NULL,
      CHECK (code IN (${PROJECT_TYPES})),${TIMELINE_UNIQUE}
    )`);

    // 动态调整: a lower list that follows an older version of an upper list's item
    await q.query(`CREATE TABLE list_adjustments (
      id uuid PRIMARY KEY,
      item_kind varchar(20) NOT NULL CHECK (item_kind IN ('approval-item', 'supervision-item')),
      region_code varchar(6) NOT NULL REFERENCES regions(code),
      item_code varchar(64) NOT NULL,
      upper_region_code varchar(6) NOT NULL REFERENCES regions(code),
      upper_version int NOT NULL,
      followed_version int,
      reason varchar(10) NOT NULL CHECK (reason IN ('changed', 'added', 'retired')),
      status varchar(12) NOT NULL CHECK (status IN ('open', 'adopted', 'dismissed', 'superseded', 'withdrawn')),
      raised_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closing_note text
    )`);
    await q.query(`CREATE UNIQUE INDEX list_adjustments_one_open ON list_adjustments (item_kind, region_code, item_code) WHERE status = 'open'`);
    await q.query(`CREATE INDEX list_adjustments_region_status ON list_adjustments (region_code, status)`);

    // a version is immutable once effective, whatever code path tries (the API answers 409 first)
    await q.query(`CREATE FUNCTION forbid_change_of_effective_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.effective_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date THEN
          RAISE EXCEPTION 'version % of % in list % is effective since % and cannot change', OLD.version, OLD.code, OLD.region_code, OLD.effective_from
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['approval_item_versions', 'supervision_item_versions', 'stage_template_versions']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION forbid_change_of_effective_version()`);
    }

    await q.query(`CREATE TABLE calendar_arrangements (
      year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
      holidays jsonb NOT NULL,
      workdays jsonb NOT NULL,
      source_document varchar(200),
      revision int NOT NULL DEFAULT 1,
      loaded_at timestamptz NOT NULL DEFAULT now(),
      loaded_by varchar(100)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_arrangements',
      'list_adjustments',
      'stage_template_versions',
      'supervision_item_versions',
      'approval_item_versions',
      'letter_offices',
      'departments',
      'regions',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('DROP FUNCTION forbid_change_of_effective_version()');
  }
}
