import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects (工程建设项目): one row per 项目代码; the rules are in projects/domain/project.ts. */
export class Projects1764000000300 implements MigrationInterface {
  name = 'Projects1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projects (
      id uuid PRIMARY KEY,
      code varchar(64) NOT NULL UNIQUE,
      name varchar(200) NOT NULL,
      type varchar(32) NOT NULL CHECK (type IN ('政府投资房屋建筑', '社会投资房屋建筑', '社会投资简易低风险', '城市基础设施线性工程')),
      region_code varchar(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
      owner_uscc varchar(18) NOT NULL,
      facts jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(facts) = 'object'),
      status varchar(16) NOT NULL CHECK (status IN ('registered', 'closed')),
      stage varchar(32) CHECK (stage IN ('立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', '市政公用报装')),
      registered_at timestamptz NOT NULL,
      facts_changed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX projects_region_type ON projects (region_code, type)`);
    await q.query(`CREATE INDEX projects_owner ON projects (owner_uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projects');
  }
}
