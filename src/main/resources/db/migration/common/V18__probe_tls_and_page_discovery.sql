-- Domain probes over https record the server's certificate: subject, issuer and validity. Domains and handles found
-- on a probed page are queued for discovery like those in posts, naming the probe they came from.
ALTER TABLE domain_probe ADD COLUMN tls_subject VARCHAR(1000);
ALTER TABLE domain_probe ADD COLUMN tls_issuer VARCHAR(1000);
ALTER TABLE domain_probe ADD COLUMN tls_not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE domain_probe ADD COLUMN tls_not_after TIMESTAMP WITH TIME ZONE;

ALTER TABLE discovery_candidate ADD COLUMN source_probe_id BIGINT;
ALTER TABLE discovery_candidate ADD CONSTRAINT discovery_candidate_probe_fk FOREIGN KEY (source_probe_id) REFERENCES domain_probe (id) ON DELETE SET NULL;
