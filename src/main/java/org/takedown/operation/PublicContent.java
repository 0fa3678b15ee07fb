package org.takedown.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.common.DeterministicJson;

/**
 * Everything of an operation that the public or Telegram will see, as one deterministic JSON document and its
 * SHA-256. Approval records this hash; an edit that changes it sends an approved operation back for approval.
 * The description and watch targets are internal and not part of it.
 */
@ApplicationScoped
public class PublicContent {

    @Inject
    Instance<PublicContentSection> sections;

    public record Snapshot(String json, String sha256) {}

    record OperationPart(
            String name,
            String codeName,
            String timezone,
            LegalAuthorityType legalAuthorityType,
            String legalAuthorityReference,
            String legalAuthorityIssuedBy,
            LocalDate legalAuthorityIssuedOn,
            Instant activateAt,
            Instant endAt) {}

    public Snapshot of(Operation o) {
        Map<String, Object> content = new TreeMap<>();
        LegalAuthority la = o.legalAuthority;
        content.put(
                "operation",
                new OperationPart(
                        o.name,
                        o.codeName,
                        o.timezone,
                        la.type,
                        la.reference,
                        la.issuedBy,
                        la.issuedOn,
                        o.activateAt,
                        o.endAt));
        for (PublicContentSection section : sections) {
            if (content.put(section.name(), section.snapshot(o.id)) != null) {
                throw new IllegalStateException("Two content sections named " + section.name());
            }
        }
        String json = DeterministicJson.write(content);
        return new Snapshot(json, DeterministicJson.sha256Hex(json));
    }
}
