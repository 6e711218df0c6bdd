-- metrics.view: who may scrape /actuator/prometheus (README "Metrics"). The owner holds every permission; the
-- auditor reads everything and changes nothing, and the store's figures are something to read.
INSERT INTO role_permissions (role_id, permission)
SELECT id, 'metrics.view' FROM roles WHERE name IN ('Owner', 'Auditor') AND built_in
ON CONFLICT DO NOTHING;
