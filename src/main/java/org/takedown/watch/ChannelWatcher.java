package org.takedown.watch;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.takedown.common.ProblemException;
import org.takedown.common.TextClip;
import org.takedown.evidence.Capture;
import org.takedown.evidence.EvidenceService;

/**
 * Reads a watched channel: the newest page, then older pages ({@code ?before=}) until it meets the newest post it
 * stored last time — on a first read, {@code firstReadPages} pages. New posts are stored once each; the target keeps
 * how the read went. Pages are fetched outside any transaction; what they gave is stored in one.
 * <p>
 * Nothing is lost quietly: when an older page fails, the posts read so far are stored but the target's mark does
 * not move, so the next read fetches the gap again; when more pages than {@code maxReadPages} were posted since the
 * last read, the gap is stated in the read's detail. And a channel that used to yield posts and now shows none on a
 * page answered with 200 raises READER_ALERT — the layout changed or the channel was emptied — rather than
 * recording an empty, healthy read.
 */
@ApplicationScoped
public class ChannelWatcher {

    private static final Logger LOG = Logger.getLogger(ChannelWatcher.class);

    /** What one read did: its status, a detail, the posts it stored, the sightings and the discovery candidates they gave. */
    public record Read(
            WatchTarget.ReadStatus status, String detail, List<ChannelPost> newPosts, int sightings, int discovered) {

        Read(WatchTarget.ReadStatus status, String detail) {
            this(status, detail, List.of(), 0, 0);
        }
    }

    @Inject
    TelegramChannelReader reader;

    @Inject
    WatchConfig config;

    @Inject
    SightingService sightings;

    @Inject
    DiscoveryService discoveries;

    @Inject
    EvidenceService evidence;

    @Inject
    ReactionService reactions;

    @Inject
    Clock clock;

    /** Where the last read left a channel. */
    record Mark(String channel, Long lastSeen, Instant notBefore) {}

    public Read read(long targetId) {
        return read(targetId, mark(targetId));
    }

    /** Reads a channel the watch cycle claimed: the claim brings where the last read left it. */
    Read read(DueReads.Claim claim) {
        return read(claim.targetId(), new Mark(claim.value(), claim.lastSeenPost(), claim.readNotBefore()));
    }

    private Read read(long targetId, Mark mark) {
        Stored stored = readAndStore(targetId, mark);
        if (stored.names().isEmpty()) {
            return stored.read();
        }
        Read read = stored.read();
        int discovered = discoveries.queue(stored.names());
        return discovered == 0
                ? read
                : new Read(
                        read.status(),
                        read.detail() + ", " + discovered + " new domains or handles",
                        read.newPosts(),
                        read.sightings(),
                        discovered);
    }

    /** What a read stored, with the names its new posts gave that discovery queues once it committed. */
    record Stored(Read read, List<DiscoveryService.Found> names) {}

    private Stored readAndStore(long targetId, Mark mark) {
        if (mark.notBefore() != null && mark.notBefore().isAfter(clock.instant())) {
            return new Stored(
                    new Read(WatchTarget.ReadStatus.RATE_LIMITED, "Telegram asked to wait until " + mark.notBefore()),
                    List.of());
        }
        Long lastSeen = mark.lastSeen();
        List<ChannelPost> fresh = new ArrayList<>();
        List<ChannelPost> editedKnown = new ArrayList<>();
        Map<Long, Fetched> sources = new HashMap<>();
        ChannelPage newest = null;
        Long before = null;
        for (int pages = 0; ; pages++) {
            ChannelRead read = reader.read(mark.channel(), before, lastSeen);
            if (!(read instanceof ChannelRead.Page page)) {
                return newest == null
                        ? new Stored(failed(targetId, read), List.of())
                        : store(
                                targetId,
                                newest,
                                fresh,
                                editedKnown,
                                sources,
                                false,
                                WatchTarget.ReadStatus.FAILED,
                                "an older page failed (" + describe(read) + "); " + fresh.size()
                                        + " posts stored, the rest is read next time");
            }
            ChannelPage current = page.page();
            newest = newest == null ? current : newest;
            for (ChannelPost post : current.posts()) {
                fresh.add(post);
                sources.putIfAbsent(post.id(), page.fetched());
            }
            for (ChannelPost post : current.editedKnownPosts()) {
                editedKnown.add(post);
                sources.putIfAbsent(post.id(), page.fetched());
            }
            boolean reachedMark = !current.knownPostIds().isEmpty();
            boolean oldest = current.olderBefore() == null || !current.hasPosts();
            if (reachedMark || oldest || (lastSeen == null && pages + 1 >= config.firstReadPages())) {
                break;
            }
            if (pages + 1 >= config.maxReadPages()) {
                return store(
                        targetId,
                        newest,
                        fresh,
                        editedKnown,
                        sources,
                        true,
                        WatchTarget.ReadStatus.OK,
                        "more than " + config.maxReadPages() + " pages posted since the last read: posts before "
                                + current.olderBefore() + " were not read");
            }
            before = current.olderBefore();
        }
        if (!newest.hasPosts() && lastSeen != null) {
            LOG.warnf(
                    "ALERT: channel %s (watch target %d) answered 200 with no posts although it had posts before: "
                            + "the reader may be broken by a layout change, or the channel was emptied",
                    mark.channel(), targetId);
            return store(
                    targetId,
                    newest,
                    fresh,
                    editedKnown,
                    sources,
                    false,
                    WatchTarget.ReadStatus.READER_ALERT,
                    "the page answered 200 with no posts although the channel had posts: reader broken or channel emptied");
        }
        return store(
                targetId,
                newest,
                fresh,
                editedKnown,
                sources,
                true,
                WatchTarget.ReadStatus.OK,
                fresh.size() + " new posts");
    }

    @Transactional
    Mark mark(long targetId) {
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null || target.kind != WatchTargetKind.TELEGRAM_CHANNEL) {
            throw ProblemException.notFound("Watched channel " + targetId);
        }
        return new Mark(target.value, target.lastSeenPost, target.readNotBefore);
    }

    /**
     * Stores what a read found: new posts, the new text of posts Telegram marks as edited, a changed channel description,
     * and how the read went; names in all of them go to discovery.
     */
    @Transactional
    Stored store(
            long targetId,
            ChannelPage newest,
            List<ChannelPost> fresh,
            List<ChannelPost> editedKnown,
            Map<Long, Fetched> sources,
            boolean moveMark,
            WatchTarget.ReadStatus status,
            String detail) {
        List<DiscoveryService.Said> said = new ArrayList<>();
        if (describedAnew(targetId, newest.description())) {
            said.add(DiscoveryService.Said.description(newest.description()));
        }
        if (fresh.isEmpty() && editedKnown.isEmpty()) {
            Stored nothing = nothingNew(targetId, newest, status, detail);
            WatchTarget target = said.isEmpty() ? null : WatchTarget.findById(targetId);
            return target == null ? nothing : new Stored(nothing.read(), discoveries.newNames(target, said));
        }
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null) {
            return new Stored(new Read(status, "the target was removed during the read"), List.of());
        }
        Instant now = clock.instant();
        List<ChannelPost> stored = new ArrayList<>();
        List<WatchPost> rows = new ArrayList<>();
        Set<Long> known = fresh.isEmpty()
                ? new HashSet<>()
                : new HashSet<>(WatchPost.getEntityManager()
                        .createQuery(
                                "select p.postId from WatchPost p where p.targetId = :target and p.postId in :ids",
                                Long.class)
                        .setParameter("target", targetId)
                        .setParameter("ids", fresh.stream().map(ChannelPost::id).toList())
                        .getResultList());
        Map<Fetched, Capture> captures = new IdentityHashMap<>();
        for (ChannelPost post : fresh) {
            if (known.add(post.id())) {
                WatchPost row = WatchPost.of(targetId, post, now);
                Fetched source = sources.get(post.id());
                row.captureId = captures.computeIfAbsent(
                                source,
                                fetched -> evidence.capture(
                                        target.operationId, target.id, target.value, "new posts", fetched.exchange()))
                        .id;
                row.persist();
                rows.add(row);
                stored.add(post);
            }
        }
        Map<WatchPost, WatchPostEdit> edits = changedTexts(target, editedKnown, sources, captures, now);
        List<Sighting> found = new ArrayList<>(this.sightings.evaluate(target, rows));
        found.addAll(this.sightings.evaluateEdits(target, edits));
        Set<Long> sighted = found.stream().map(s -> s.captureId).collect(Collectors.toSet());
        captures.values().stream()
                .filter(c -> sighted.contains(c.id))
                .forEach(c -> evidence.giveReason(c, "new posts with sightings"));
        int sightings = found.size();
        long queued = reactions.react(target, found).stream()
                .filter(r -> r.outcome == Reaction.Outcome.QUEUED)
                .count();
        if (moveMark) {
            newest.newestPostId()
                    .ifPresent(id ->
                            target.lastSeenPost = target.lastSeenPost == null ? id : Math.max(target.lastSeenPost, id));
        }
        target.channelTitle = newest.title() == null ? target.channelTitle : newest.title();
        target.subscribers = newest.subscribers() == null ? target.subscribers : newest.subscribers();
        record(target, status, detail, null);
        stored.sort(Comparator.comparingLong(ChannelPost::id));
        rows.sort(Comparator.comparingLong(row -> row.postId));
        rows.forEach(row -> said.add(DiscoveryService.Said.post(row)));
        edits.values().forEach(edit -> said.add(DiscoveryService.Said.edit(edit)));
        List<DiscoveryService.Found> names = discoveries.newNames(target, said);
        String summary = detail
                + (edits.isEmpty() ? "" : ", " + edits.size() + " posts changed")
                + (sightings == 0 ? "" : ", " + sightings + " sightings")
                + (queued == 0 ? "" : ", " + queued + " reactive notice runs queued");
        return new Stored(new Read(status, summary, List.copyOf(stored), sightings, 0), names);
    }

    /**
     * Posts Telegram marks as edited whose text differs from the last one stored: each change is kept as a
     * {@link WatchPostEdit} with the capture of the page that showed it (the first text and capture stay as they are).
     * A post edited before it was first read is only marked. Returns the stored posts that changed, with their new text.
     */
    private Map<WatchPost, WatchPostEdit> changedTexts(
            WatchTarget target,
            List<ChannelPost> editedKnown,
            Map<Long, Fetched> sources,
            Map<Fetched, Capture> captures,
            Instant now) {
        Map<WatchPost, WatchPostEdit> changed = new java.util.LinkedHashMap<>();
        if (editedKnown.isEmpty()) {
            return changed;
        }
        Map<Long, ChannelPost> shown = new HashMap<>();
        editedKnown.forEach(post -> shown.putIfAbsent(post.id(), post));
        List<WatchPost> rows = WatchPost.list("targetId = ?1 and postId in ?2", target.id, shown.keySet());
        if (rows.isEmpty()) {
            return changed;
        }
        Map<Long, WatchPostEdit> latest = new HashMap<>();
        WatchPostEdit.<WatchPostEdit>list(
                        "watchPostId in ?1 order by id",
                        rows.stream().map(row -> row.id).toList())
                .forEach(edit -> latest.put(edit.watchPostId, edit));
        rows.sort(Comparator.comparingLong(row -> row.postId));
        for (WatchPost row : rows) {
            ChannelPost post = shown.get(row.postId);
            WatchPostEdit last = latest.get(row.id);
            row.edited = true;
            if (last != null ? last.sameAs(post) : sameAsFirst(row, post)) {
                continue;
            }
            WatchPostEdit edit = WatchPostEdit.of(row, post, now);
            edit.captureId = captures.computeIfAbsent(
                            sources.get(post.id()),
                            fetched -> evidence.capture(
                                    target.operationId, target.id, target.value, "changed posts", fetched.exchange()))
                    .id;
            edit.persist();
            changed.put(row, edit);
        }
        return changed;
    }

    /** Same text, attachments and links (a new link under the same words is how a channel moves to a backup domain). */
    private static boolean sameAsFirst(WatchPost row, ChannelPost post) {
        return row.text.equals(TextClip.clip(post.text(), 10_000))
                && java.util.Objects.equals(
                        row.attachmentText,
                        post.attachmentText().isEmpty() ? null : TextClip.clip(post.attachmentText(), 4_000))
                && row.links.equals(TextClip.clip(String.join("\n", post.links()), 20_000));
    }

    /** Stores the channel's description when it changed (one conditional update); true when it did. */
    private boolean describedAnew(long targetId, String description) {
        if (description == null || description.isBlank()) {
            return false;
        }
        String clipped = TextClip.clip(description, 2_000);
        return WatchTarget.update(
                        "channelDescription = ?1 where id = ?2 and (channelDescription is null or channelDescription <> ?1)",
                        clipped,
                        targetId)
                == 1;
    }

    /**
     * Most reads find nothing new: then only the read's outcome is recorded, in one statement (with no new post the
     * mark cannot move).
     */
    private Stored nothingNew(long targetId, ChannelPage newest, WatchTarget.ReadStatus status, String detail) {
        StringBuilder set = new StringBuilder(
                "lastReadAt = :at, lastReadStatus = :status, lastReadDetail = :detail, readNotBefore = null");
        Parameters parameters = Parameters.with("at", clock.instant())
                .and("status", status)
                .and("detail", clip(detail))
                .and("id", targetId);
        if (newest.title() != null) {
            set.append(", channelTitle = :title");
            parameters.and("title", newest.title());
        }
        if (newest.subscribers() != null) {
            set.append(", subscribers = :subscribers");
            parameters.and("subscribers", newest.subscribers());
        }
        int updated = WatchTarget.update(set + " where id = :id", parameters);
        return new Stored(
                new Read(status, updated == 0 ? "the target was removed during the read" : detail), List.of());
    }

    @Transactional
    Read failed(long targetId, ChannelRead read) {
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null) {
            return new Read(WatchTarget.ReadStatus.FAILED, "the target was removed during the read");
        }
        WatchTarget.ReadStatus status;
        Instant notBefore = null;
        if (read instanceof ChannelRead.NoPublicPreview) {
            status = WatchTarget.ReadStatus.NO_PUBLIC_PREVIEW;
        } else if (read instanceof ChannelRead.RateLimited limited) {
            status = WatchTarget.ReadStatus.RATE_LIMITED;
            notBefore = clock.instant().plus(Duration.ofSeconds(limited.retryAfterSeconds()));
        } else {
            status = WatchTarget.ReadStatus.FAILED;
        }
        String detail = describe(read);
        record(target, status, detail, notBefore);
        return new Read(status, detail);
    }

    private void record(WatchTarget target, WatchTarget.ReadStatus status, String detail, Instant notBefore) {
        target.lastReadAt = clock.instant();
        target.lastReadStatus = status;
        target.lastReadDetail = clip(detail);
        target.readNotBefore = notBefore;
    }

    private static String clip(String detail) {
        return TextClip.clip(detail, 500);
    }

    private static String describe(ChannelRead read) {
        if (read instanceof ChannelRead.NoPublicPreview none) {
            return none.detail();
        }
        if (read instanceof ChannelRead.RateLimited limited) {
            return "429: Telegram asked to wait " + limited.retryAfterSeconds() + " s";
        }
        if (read instanceof ChannelRead.Failed failed) {
            return failed.detail();
        }
        return read.toString();
    }
}
