package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takedown.common.HostNames;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/** What an operation watches. Edits are audited but never need re-approval: nothing here is public. */
@ApplicationScoped
public class WatchTargetService {

    static final String ENTITY = "watch_target";
    private static final Pattern CHANNEL =
            Pattern.compile("(?:@|(?:https?://)?t\\.me/(?:s/)?)?([A-Za-z][A-Za-z0-9_]{4,31})/?");

    @Inject
    OperationService operations;

    @Inject
    FetchGate fetchGate;

    @Inject
    DueReads dueReads;

    @Inject
    Clock clock;

    public PanacheQuery<WatchTarget> list(long operationId, WatchTargetKind kind) {
        operations.get(operationId);
        Sort order = Sort.by("id");
        return kind == null
                ? WatchTarget.find("operationId", order, operationId)
                : WatchTarget.find(
                        "operationId = :op and kind = :kind",
                        order,
                        Parameters.with("op", operationId).and("kind", kind));
    }

    public WatchTarget get(long operationId, long targetId) {
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null || target.operationId != operationId) {
            throw ProblemException.notFound("Watch target " + targetId + " of operation " + operationId);
        }
        return target;
    }

    @Transactional
    public WatchTarget add(String actor, long operationId, WatchTargetRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        WatchTarget target = new WatchTarget();
        target.operationId = operationId;
        target.createdAt = clock.instant();
        apply(target, request);
        target.persist();
        dueReads.scheduleFirst(target);
        operations.recordEdit(
                operation,
                actor,
                "WATCH_TARGET_ADDED",
                ENTITY,
                target.id,
                Map.of("kind", target.kind, "value", target.value));
        return target;
    }

    @Transactional
    public WatchTarget update(String actor, long operationId, long targetId, WatchTargetRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        WatchTarget target = get(operationId, targetId);
        Duration every = dueReads.every(target);
        apply(target, request);
        if (!dueReads.every(target).equals(every)) {
            dueReads.scheduleFirst(target); // a target read as often as before keeps its place in the schedule
        }
        operations.recordEdit(
                operation,
                actor,
                "WATCH_TARGET_UPDATED",
                ENTITY,
                target.id,
                Map.of("kind", target.kind, "value", target.value));
        return target;
    }

    public PanacheQuery<WatchPost> posts(long operationId, long targetId) {
        get(operationId, targetId);
        return WatchPost.find("targetId", Sort.descending("postId"), targetId);
    }

    /**
     * How many views Telegram showed for a post of a channel this operation watches, when last read (empty when the
     * channel is not watched, the post was not read, or the preview shows no count): the reach of our own notices.
     */
    public Optional<Long> viewsOf(long operationId, String channel, long postId) {
        return WatchTarget.<WatchTarget>find(
                        "operationId = ?1 and kind = ?2 and lower(value) = ?3",
                        operationId,
                        WatchTargetKind.TELEGRAM_CHANNEL,
                        channel.toLowerCase(java.util.Locale.ROOT))
                .firstResultOptional()
                .flatMap(target -> WatchPost.<WatchPost>find("targetId = ?1 and postId = ?2", target.id, postId)
                        .<WatchPost>firstResultOptional())
                .map(post -> post.views);
    }

    public PanacheQuery<DomainProbe> history(long operationId, long targetId) {
        get(operationId, targetId);
        return DomainProbe.find("targetId", Sort.descending("id"), targetId);
    }

    @Transactional
    public void remove(String actor, long operationId, long targetId) {
        Operation operation = operations.lockForEdit(operationId);
        WatchTarget target = get(operationId, targetId);
        target.delete();
        operations.recordEdit(
                operation,
                actor,
                "WATCH_TARGET_REMOVED",
                ENTITY,
                targetId,
                Map.of("kind", target.kind, "value", target.value));
    }

    private void apply(WatchTarget target, WatchTargetRequest request) {
        String value = switch (request.kind()) {
            case TELEGRAM_CHANNEL -> {
                Matcher m = CHANNEL.matcher(request.value().strip());
                if (!m.matches()) {
                    throw ProblemException.invalidField(
                            400,
                            "value",
                            "must be a channel name (5-32 characters: letter, then letters, digits or _), @name or t.me/name");
                }
                yield m.group(1);
            }
            case DOMAIN -> {
                String domain = HostNames.normaliseDomain(request.value().strip())
                        .orElseThrow(() -> ProblemException.invalidField(
                                400, "value", "must be a domain name such as example.com"));
                try {
                    fetchGate.vet("https://" + domain + "/");
                } catch (FetchRefused refused) {
                    throw ProblemException.invalidField(400, "value", "cannot be watched: " + refused.getMessage());
                }
                yield domain;
            }
        };
        WatchTarget same = WatchTarget.find(
                        "operationId = ?1 and kind = ?2 and lower(value) = lower(?3)",
                        target.operationId,
                        request.kind(),
                        value)
                .firstResult();
        if (same != null && !same.id.equals(target.id)) {
            throw ProblemException.conflict(value + " is already watched by this operation (id " + same.id + ")");
        }
        if (target.id != null && (target.kind != request.kind() || !value.equalsIgnoreCase(target.value))) {
            if (WatchPost.count("targetId", target.id) > 0) {
                throw ProblemException.conflict("Posts were read from " + target.value + ": add " + value
                        + " as a new watch target instead of changing this one");
            }
            // Another target: what was read of the old one says nothing about it.
            target.lastSeenPost = null;
            target.lastReadStatus = null;
            target.lastReadDetail = null;
            target.readNotBefore = null;
            target.channelTitle = null;
            target.subscribers = null;
        }
        target.kind = request.kind();
        target.value = value;
        target.note = request.note();
        target.readEverySeconds = request.readEverySeconds();
    }
}
