-- Issue 19: every staff account belongs to exactly one organization: the catalogue office (事務局, code 'office'),
-- or a prefecture or municipality by its 6-digit 全国地方公共団体コード (a prefecture's own code, e.g. 030007 for
-- 岩手県). Organization editors (ORG_EDITOR, 自治体担当) belong to a government; the office's editors and
-- reviewers (EDITOR) and administrators (ADMIN) to the office. Existing accounts are EDITOR or ADMIN: the office.
ALTER TABLE staff_user ADD COLUMN organization_code VARCHAR(6) DEFAULT 'office' NOT NULL;
ALTER TABLE staff_user ADD COLUMN email VARCHAR(254);
ALTER TABLE staff_user DROP CONSTRAINT staff_user_role;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_role CHECK (role IN ('ORG_EDITOR', 'EDITOR', 'ADMIN'));
ALTER TABLE staff_user ADD CONSTRAINT staff_user_organization
    CHECK ((role = 'ORG_EDITOR' AND organization_code <> 'office') OR (role <> 'ORG_EDITOR' AND organization_code = 'office'));
CREATE INDEX staff_user_organization_idx ON staff_user (organization_code);
