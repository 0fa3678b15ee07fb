package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takedown.common.HostNames;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/**
 * Discovery: domains (from links and from the text) and {@code @handles} in newly read posts that the operation
 * neither watches nor has been told of are queued as candidates, each once. An officer accepts one (it becomes a
 * watch target, checked like any other) or dismisses it; both are audited.
 */
@ApplicationScoped
public class DiscoveryService {

    static final String ENTITY = "discovery_candidate";
    private static final Pattern DOMAIN_IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\p{N}@._/-])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,24})(?![\\p{L}\\p{N}_-])");
    /** Telegram's own hosts are how channels link to each other, not places to watch as domains. */
    private static final Set<String> TELEGRAM_HOSTS = Set.of("t.me", "telegram.me", "telegram.org", "telegram.dog", "telegra.ph");

    @Inject
    OperationService operations;
    @Inject
    WatchTargetService watchTargets;
    @Inject
    Clock clock;

    /** In the caller's transaction: queues what these stored posts of {@code source} name that is new to the operation. */
    int collect(WatchTarget source, List<WatchPost> posts) {
        if (posts.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        WatchTarget.<WatchTarget>list("operationId", source.operationId)
                .forEach(t -> known.add(key(t.kind, t.value)));
        DiscoveryCandidate.<DiscoveryCandidate>list("operationId", source.operationId)
                .forEach(c -> known.add(key(c.kind, c.value)));
        int added = 0;
        for (WatchPost post : posts) {
            Map<String, WatchTargetKind> found = new LinkedHashMap<>();
            for (String link : post.linkList()) {
                domainOfLink(link).ifPresent(domain -> found.put(domain, WatchTargetKind.DOMAIN));
            }
            Matcher inText = DOMAIN_IN_TEXT.matcher(post.text);
            while (inText.find()) {
                HostNames.normaliseDomain(inText.group(1)).ifPresent(domain -> found.putIfAbsent(domain, WatchTargetKind.DOMAIN));
            }
            post.mentionList().forEach(handle -> found.putIfAbsent(handle, WatchTargetKind.TELEGRAM_CHANNEL));
            for (Map.Entry<String, WatchTargetKind> entry : found.entrySet()) {
                if (entry.getValue() == WatchTargetKind.DOMAIN && isTelegram(entry.getKey())) {
                    continue;
                }
                if (known.add(key(entry.getValue(), entry.getKey()))) {
                    DiscoveryCandidate candidate = new DiscoveryCandidate();
                    candidate.operationId = source.operationId;
                    candidate.kind = entry.getValue();
                    candidate.value = entry.getKey();
                    candidate.sourceTargetId = source.id;
                    candidate.sourcePostId = post.id;
                    candidate.status = DiscoveryCandidate.Status.NEW;
                    candidate.createdAt = clock.instant();
                    candidate.persist();
                    added++;
                }
            }
        }
        return added;
    }

    public PanacheQuery<DiscoveryCandidate> list(long operationId, DiscoveryCandidate.Status status) {
        operations.get(operationId);
        return status == null ? DiscoveryCandidate.find("operationId", Sort.descending("id"), operationId)
                : DiscoveryCandidate.find("operationId = :op and status = :status", Sort.descending("id"),
                        Parameters.with("op", operationId).and("status", status));
    }

    /** The candidate becomes a watch target (checked by the fetch gate like any other). */
    @Transactional
    public DiscoveryCandidate accept(String actor, long operationId, long candidateId) {
        Operation operation = operations.lockForEdit(operationId);
        DiscoveryCandidate candidate = undecided(operationId, candidateId);
        String value = candidate.kind == WatchTargetKind.TELEGRAM_CHANNEL ? "@" + candidate.value : candidate.value;
        WatchTarget target = watchTargets.add(actor, operationId, new WatchTargetRequest(candidate.kind, value,
                "discovered in a post of watch target " + candidate.sourceTargetId, null));
        decide(candidate, DiscoveryCandidate.Status.ACCEPTED, actor);
        candidate.watchTargetId = target.id;
        operations.recordEdit(operation, actor, "DISCOVERY_ACCEPTED", ENTITY, candidate.id,
                Map.of("kind", candidate.kind, "value", candidate.value, "watchTarget", target.id));
        return candidate;
    }

    @Transactional
    public DiscoveryCandidate dismiss(String actor, long operationId, long candidateId) {
        Operation operation = operations.lockForEdit(operationId);
        DiscoveryCandidate candidate = undecided(operationId, candidateId);
        decide(candidate, DiscoveryCandidate.Status.DISMISSED, actor);
        operations.recordEdit(operation, actor, "DISCOVERY_DISMISSED", ENTITY, candidate.id,
                Map.of("kind", candidate.kind, "value", candidate.value));
        return candidate;
    }

    private DiscoveryCandidate undecided(long operationId, long candidateId) {
        DiscoveryCandidate candidate = DiscoveryCandidate.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (candidate == null || candidate.operationId != operationId) {
            throw ProblemException.notFound("Discovery candidate " + candidateId + " of operation " + operationId);
        }
        if (candidate.status != DiscoveryCandidate.Status.NEW) {
            throw ProblemException.conflict("Candidate " + candidateId + " was already " + candidate.status + " by " + candidate.decidedBy);
        }
        return candidate;
    }

    private void decide(DiscoveryCandidate candidate, DiscoveryCandidate.Status status, String actor) {
        candidate.status = status;
        candidate.decidedBy = actor;
        candidate.decidedAt = clock.instant();
    }

    private static java.util.Optional<String> domainOfLink(String link) {
        try {
            URI uri = new URI(link);
            return uri.getHost() == null ? java.util.Optional.empty() : HostNames.normaliseDomain(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isTelegram(String domain) {
        return TELEGRAM_HOSTS.stream().anyMatch(host -> domain.equals(host) || domain.endsWith("." + host));
    }

    private static String key(WatchTargetKind kind, String value) {
        return kind + ":" + value.toLowerCase(Locale.ROOT);
    }
}
