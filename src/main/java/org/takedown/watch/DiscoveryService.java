package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.takedown.common.HostNames;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/**
 * Discovery: domains (from links, {@code mailto:} addresses and the text, also when written defanged such as
 * {@code example[.]com}) and {@code @handles} in newly read posts, in changed texts of posts, in a channel's description
 * and on probed pages, that the operation neither watches nor has been told of, are queued as candidates, each once.
 * An officer accepts one (it becomes a watch target, checked like any other) or dismisses it; both are audited.
 */
@ApplicationScoped
public class DiscoveryService {

    static final String ENTITY = "discovery_candidate";
    private static final Pattern DOMAIN_IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\p{N}@._/-])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,24})(?![\\p{L}\\p{N}_-])");
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("https?://[^\\s<>\"'()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);
    /** Telegram's own hosts are how channels link to each other, not places to watch as domains. */
    private static final Set<String> TELEGRAM_HOSTS =
            Set.of("t.me", "telegram.me", "telegram.org", "telegram.dog", "telegra.ph");

    @Inject
    OperationService operations;

    @Inject
    WatchTargetService watchTargets;

    @Inject
    Clock clock;

    /** A name found, not yet known to the operation; {@code defanged} when it was written so. */
    record Found(
            long operationId,
            WatchTargetKind kind,
            String value,
            boolean defanged,
            long sourceTargetId,
            Long sourcePostId,
            Long sourceProbeId) {}

    /** What a channel said where names may be: a post (its row id), a changed post, or the channel's description (no row). */
    record Said(Long postRowId, Collection<String> links, String text, Collection<String> mentions) {

        static Said post(WatchPost post) {
            return new Said(post.id, post.linkList(), post.readableText(), post.mentionList());
        }

        static Said edit(WatchPostEdit edit) {
            return new Said(edit.watchPostId, edit.linkList(), edit.readableText(), edit.mentionList());
        }

        static Said description(String description) {
            Set<String> handles = new java.util.LinkedHashSet<>();
            Matcher handle = ChannelPageParser.HANDLE.matcher(description);
            while (handle.find()) {
                handles.add(handle.group(1));
            }
            return new Said(null, List.of(), description, handles);
        }
    }

    /** How a name was found. */
    private record Name(WatchTargetKind kind, boolean defanged) {}

    /**
     * What a watched channel said (new posts, changed posts, its description) that names something the operation neither
     * watches nor was told of. Runs in the read's own transaction, on the rows as it wrote them; {@link #queue} queues
     * the names after that transaction committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Found> newNames(WatchTarget source, List<Said> said) {
        Map<Said, Map<String, Name>> foundIn = new LinkedHashMap<>();
        Map<WatchTargetKind, Set<String>> names = new EnumMap<>(WatchTargetKind.class);
        for (Said what : said) {
            Map<String, Name> found = found(what.links(), what.text(), what.mentions());
            foundIn.put(what, found);
            found.forEach((value, name) ->
                    names.computeIfAbsent(name.kind(), k -> new HashSet<>()).add(value));
        }
        Set<String> known = known(source.operationId, names);
        List<Found> fresh = new ArrayList<>();
        foundIn.forEach((what, found) -> found.forEach((value, name) -> {
            if (known.add(key(name.kind(), value))) {
                fresh.add(new Found(
                        source.operationId, name.kind(), value, name.defanged(), source.id, what.postRowId(), null));
            }
        }));
        return fresh;
    }

    /**
     * Queues names a read found, each candidate in a transaction of its own, after the read committed: reads of other
     * channels run in parallel and may find the same name at the same moment; the database keeps one, the other
     * insert is just a name already queued. Returns how many were queued.
     */
    int queue(List<Found> found) {
        return (int) found.stream().filter(this::queue).count();
    }

    /** Queues what a probed domain's changed page names that is new to the operation; like {@link #newNames} for posts. */
    public int collectFromPage(long sourceTargetId, long probeId, List<String> links, String text) {
        List<Found> fresh = QuarkusTransaction.requiringNew().call(() -> {
            WatchTarget source = WatchTarget.findById(sourceTargetId);
            if (source == null) {
                return List.<Found>of();
            }
            Set<String> mentions = new java.util.LinkedHashSet<>();
            for (String link : links) {
                Matcher tme = ChannelPageParser.TME_LINK.matcher(link);
                if (tme.matches()) {
                    mentions.add(tme.group(1));
                }
            }
            Matcher handle = ChannelPageParser.HANDLE.matcher(text);
            while (handle.find()) {
                mentions.add(handle.group(1));
            }
            Map<String, Name> found = found(links, text, mentions);
            Map<WatchTargetKind, Set<String>> names = new EnumMap<>(WatchTargetKind.class);
            found.forEach((value, name) ->
                    names.computeIfAbsent(name.kind(), k -> new HashSet<>()).add(value));
            Set<String> known = known(source.operationId, names);
            List<Found> list = new ArrayList<>();
            found.forEach((value, name) -> {
                if (known.add(key(name.kind(), value))) {
                    list.add(new Found(
                            source.operationId, name.kind(), value, name.defanged(), source.id, null, probeId));
                }
            });
            return list;
        });
        return queue(fresh);
    }

    /**
     * Queues one name under a lock on its operation's row: parallel reads that found the same name queue it once, the
     * later ones see it queued (rather than trip the unique key, which the database logs as an error). The unique key
     * stays the last word.
     */
    private boolean queue(Found found) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                operations.holdRow(found.operationId());
                if (DiscoveryCandidate.count(
                                "operationId = ?1 and kind = ?2 and value = ?3",
                                found.operationId(),
                                found.kind(),
                                found.value())
                        > 0) {
                    return false;
                }
                DiscoveryCandidate candidate = new DiscoveryCandidate();
                candidate.operationId = found.operationId();
                candidate.kind = found.kind();
                candidate.value = found.value();
                candidate.sourceTargetId = found.sourceTargetId();
                candidate.sourcePostId = found.sourcePostId();
                candidate.sourceProbeId = found.sourceProbeId();
                candidate.defanged = found.defanged();
                candidate.status = DiscoveryCandidate.Status.NEW;
                candidate.createdAt = clock.instant();
                candidate.persist();
                return true;
            });
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    return false;
                }
            }
            throw e;
        }
    }

    /**
     * The domains and handles in links, text and mentions, Telegram's own hosts left out. Names that only appear once
     * the text is refanged ({@link Defanged}) were written defanged.
     */
    private static Map<String, Name> found(Collection<String> links, String text, Collection<String> mentions) {
        Map<String, Name> found = new LinkedHashMap<>();
        for (String link : links) {
            domainOfLink(link).ifPresent(domain -> found.put(domain, new Name(WatchTargetKind.DOMAIN, false)));
        }
        domainsIn(text, false, found);
        String refanged = Defanged.refang(text);
        if (!refanged.equals(text)) {
            domainsIn(refanged, true, found);
        }
        mentions.forEach(handle -> found.putIfAbsent(handle, new Name(WatchTargetKind.TELEGRAM_CHANNEL, false)));
        found.entrySet().removeIf(e -> e.getValue().kind() == WatchTargetKind.DOMAIN && isTelegram(e.getKey()));
        return found;
    }

    /** Bare domains and the hosts of URLs written out in the text. */
    private static void domainsIn(String text, boolean defanged, Map<String, Name> found) {
        Matcher url = URL_IN_TEXT.matcher(text);
        while (url.find()) {
            domainOfLink(url.group())
                    .ifPresent(domain -> found.putIfAbsent(domain, new Name(WatchTargetKind.DOMAIN, defanged)));
        }
        Matcher inText = DOMAIN_IN_TEXT.matcher(text);
        while (inText.find()) {
            HostNames.normaliseDomain(inText.group(1))
                    .ifPresent(domain -> found.putIfAbsent(domain, new Name(WatchTargetKind.DOMAIN, defanged)));
        }
    }

    /**
     * Which of these names the operation already watches or was told of: only those are looked up, not all targets,
     * in one query per table whatever their kinds.
     */
    private static Set<String> known(long operationId, Map<WatchTargetKind, Set<String>> names) {
        Set<String> values = new HashSet<>();
        names.values().forEach(values::addAll);
        Set<String> known = new HashSet<>();
        if (values.isEmpty()) {
            return known;
        }
        for (String entity : List.of("WatchTarget", "DiscoveryCandidate")) {
            WatchTarget.getEntityManager()
                    .createQuery(
                            "select n.kind, n.value from " + entity
                                    + " n where n.operationId = :op and n.value in :values",
                            Object[].class)
                    .setParameter("op", operationId)
                    .setParameter("values", values)
                    .getResultList()
                    .forEach(row -> known.add(key((WatchTargetKind) row[0], (String) row[1])));
        }
        return known;
    }

    public PanacheQuery<DiscoveryCandidate> list(long operationId, DiscoveryCandidate.Status status) {
        operations.get(operationId);
        return status == null
                ? DiscoveryCandidate.find("operationId", Sort.descending("id"), operationId)
                : DiscoveryCandidate.find(
                        "operationId = :op and status = :status",
                        Sort.descending("id"),
                        Parameters.with("op", operationId).and("status", status));
    }

    /** The candidate becomes a watch target (checked by the fetch gate like any other). */
    @Transactional
    public DiscoveryCandidate accept(String actor, long operationId, long candidateId) {
        Operation operation = operations.lockForEdit(operationId);
        DiscoveryCandidate candidate = undecided(operationId, candidateId);
        String value = candidate.kind == WatchTargetKind.TELEGRAM_CHANNEL ? "@" + candidate.value : candidate.value;
        WatchTarget target = watchTargets.add(
                actor,
                operationId,
                new WatchTargetRequest(
                        candidate.kind,
                        value,
                        "discovered in a post of watch target " + candidate.sourceTargetId,
                        null));
        decide(candidate, DiscoveryCandidate.Status.ACCEPTED, actor);
        candidate.watchTargetId = target.id;
        operations.recordEdit(
                operation,
                actor,
                "DISCOVERY_ACCEPTED",
                ENTITY,
                candidate.id,
                Map.of("kind", candidate.kind, "value", candidate.value, "watchTarget", target.id));
        return candidate;
    }

    @Transactional
    public DiscoveryCandidate dismiss(String actor, long operationId, long candidateId) {
        Operation operation = operations.lockForEdit(operationId);
        DiscoveryCandidate candidate = undecided(operationId, candidateId);
        decide(candidate, DiscoveryCandidate.Status.DISMISSED, actor);
        operations.recordEdit(
                operation,
                actor,
                "DISCOVERY_DISMISSED",
                ENTITY,
                candidate.id,
                Map.of("kind", candidate.kind, "value", candidate.value));
        return candidate;
    }

    private DiscoveryCandidate undecided(long operationId, long candidateId) {
        DiscoveryCandidate candidate = DiscoveryCandidate.findById(candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (candidate == null || candidate.operationId != operationId) {
            throw ProblemException.notFound("Discovery candidate " + candidateId + " of operation " + operationId);
        }
        if (candidate.status != DiscoveryCandidate.Status.NEW) {
            throw ProblemException.conflict(
                    "Candidate " + candidateId + " was already " + candidate.status + " by " + candidate.decidedBy);
        }
        return candidate;
    }

    private void decide(DiscoveryCandidate candidate, DiscoveryCandidate.Status status, String actor) {
        candidate.status = status;
        candidate.decidedBy = actor;
        candidate.decidedAt = clock.instant();
    }

    /** The host of a link, or the domain of a {@code mailto:} address. */
    private static java.util.Optional<String> domainOfLink(String link) {
        if (link.regionMatches(true, 0, "mailto:", 0, 7)) {
            int at = link.indexOf('@');
            int end = link.indexOf('?');
            return at < 0
                    ? java.util.Optional.empty()
                    : HostNames.normaliseDomain(link.substring(at + 1, end > at ? end : link.length()));
        }
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
