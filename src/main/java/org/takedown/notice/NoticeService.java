package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.takedown.common.DeterministicJson;
import org.takedown.common.LanguageTexts;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;
import org.takedown.delivery.DeliveryLedger;
import org.takedown.operation.ApprovalCheck;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.PublicContentSection;

/**
 * Notices of an operation; part of the public content (what Telegram will see). Every text is checked as Telegram
 * would check it when saved and again before approval.
 */
@ApplicationScoped
public class NoticeService implements PublicContentSection, ApprovalCheck {

    static final String ENTITY = "notice";
    private static final Sort ORDER = Sort.by("id");

    @Inject
    OperationService operations;

    @Inject
    NoticeRenderer renderer;

    @Inject
    Clock clock;

    @Inject
    DeliveryLedger ledger;

    public PanacheQuery<Notice> list(long operationId) {
        operations.get(operationId);
        return Notice.find("operationId", ORDER, operationId);
    }

    /** The operation's zone, in which notice times are entered and shown. */
    public String zone(long operationId) {
        return operations.get(operationId).timezone;
    }

    public boolean exists(long operationId, long noticeId) {
        Notice notice = Notice.findById(noticeId);
        return notice != null && notice.operationId == operationId;
    }

    public Notice get(long operationId, long noticeId) {
        Notice notice = Notice.findById(noticeId);
        if (notice == null || notice.operationId != operationId) {
            throw ProblemException.notFound("Notice " + noticeId + " of operation " + operationId);
        }
        return notice;
    }

    @Transactional
    public Notice add(String actor, long operationId, NoticeRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Notice notice = new Notice();
        notice.operationId = operationId;
        notice.createdAt = clock.instant();
        apply(operation, notice, request);
        notice.persist();
        operations.recordEdit(operation, actor, "NOTICE_ADDED", ENTITY, notice.id, Map.of("title", notice.title));
        return notice;
    }

    @Transactional
    public Notice update(String actor, long operationId, long noticeId, NoticeRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Notice notice = get(operationId, noticeId);
        apply(operation, notice, request);
        skipQueued(notice.id, "the notice was edited after this run was queued");
        operations.recordEdit(operation, actor, "NOTICE_UPDATED", ENTITY, notice.id, Map.of("title", notice.title));
        return notice;
    }

    @Transactional
    public void remove(String actor, long operationId, long noticeId) {
        Operation operation = operations.lockForEdit(operationId);
        Notice notice = get(operationId, noticeId);
        skipQueued(notice.id, "the notice was removed after this run was queued");
        notice.delete();
        operations.recordEdit(operation, actor, "NOTICE_REMOVED", ENTITY, noticeId, Map.of("title", notice.title));
    }

    /** The image goes with every message's first part as a photo; the texts must then fit a photo caption. */
    @Transactional
    public Notice setImage(String actor, long operationId, long noticeId, String contentType, byte[] bytes) {
        NoticeImageCheck.Checked checked = NoticeImageCheck.check(contentType, bytes);
        Operation operation = operations.lockForEdit(operationId);
        Notice notice = get(operationId, noticeId);
        List<Problem.FieldError> lint = lint(operation, notice.texts, notice.overflow, true);
        if (!lint.isEmpty()) {
            throw new ProblemException(
                    409,
                    "Conflict",
                    "With an image the first message is a photo caption (at most " + TelegramHtml.CAPTION_LIMIT
                            + " characters), and this notice's text does not fit",
                    lint);
        }
        String sha256 = DeterministicJson.sha256Hex(bytes);
        if (NoticeImage.findById(sha256) == null) {
            NoticeImage image = new NoticeImage();
            image.sha256 = sha256;
            image.contentType = checked.contentType();
            image.bytes = bytes;
            image.width = checked.width();
            image.height = checked.height();
            image.createdAt = clock.instant();
            image.persist();
        }
        notice.imageSha256 = sha256;
        notice.updatedAt = clock.instant();
        skipQueued(notice.id, "the notice's image was changed after this run was queued");
        operations.recordEdit(
                operation,
                actor,
                "NOTICE_IMAGE_SET",
                ENTITY,
                notice.id,
                Map.of(
                        "sha256",
                        sha256,
                        "contentType",
                        checked.contentType(),
                        "bytes",
                        bytes.length,
                        "width",
                        checked.width(),
                        "height",
                        checked.height()));
        return notice;
    }

    @Transactional
    public Notice removeImage(String actor, long operationId, long noticeId) {
        Operation operation = operations.lockForEdit(operationId);
        Notice notice = get(operationId, noticeId);
        if (notice.imageSha256 == null) {
            throw ProblemException.notFound("An image of notice " + noticeId);
        }
        notice.imageSha256 = null;
        notice.updatedAt = clock.instant();
        skipQueued(notice.id, "the notice's image was removed after this run was queued");
        operations.recordEdit(
                operation, actor, "NOTICE_IMAGE_REMOVED", ENTITY, notice.id, Map.of("title", notice.title));
        return notice;
    }

    public NoticeImage image(long operationId, long noticeId) {
        Notice notice = get(operationId, noticeId);
        NoticeImage image = notice.imageSha256 == null ? null : NoticeImage.findById(notice.imageSha256);
        if (image == null) {
            throw ProblemException.notFound("An image of notice " + noticeId);
        }
        return image;
    }

    /** Rows still waiting carry the old text: they are not sent (an officer sends the new text with a new run). */
    private void skipQueued(long noticeId, String why) {
        ledger.skipPending(TelegramChannel.NAME, contentKey(noticeId), why);
    }

    /** A notice as the delivery engine knows it: the content key of its rows. */
    static String contentKey(long noticeId) {
        return "notice:" + noticeId;
    }

    static long noticeOf(String contentKey) {
        return Long.parseLong(contentKey.substring("notice:".length()));
    }

    @Override
    public String name() {
        return "notices";
    }

    record NoticePart(
            long id,
            String title,
            String defaultLanguage,
            Map<String, String> texts,
            boolean pin,
            boolean allTargets,
            Set<Long> targetIds,
            NoticeOverflow overflow,
            boolean silent,
            String sendAt,
            String cron,
            String windowStart,
            String windowEnd,
            long maxLatenessSeconds,
            String imageSha256) {}

    @Override
    public List<NoticePart> snapshot(long operationId) {
        return Notice.<Notice>list("operationId", ORDER, operationId).stream()
                .map(n -> new NoticePart(
                        n.id,
                        n.title,
                        n.defaultLanguage,
                        new TreeMap<>(n.texts),
                        n.pin,
                        n.allTargets,
                        new TreeSet<>(n.targetIds),
                        n.overflow,
                        n.silent,
                        n.sendAt == null ? null : n.sendAt.toString(),
                        n.cron,
                        n.windowStart == null ? null : n.windowStart.toString(),
                        n.windowEnd == null ? null : n.windowEnd.toString(),
                        n.maxLatenessSeconds,
                        n.imageSha256))
                .toList();
    }

    /** The messages each language of the notice becomes, or why Telegram would refuse them. */
    public List<NoticeRenderer.Rendered> preview(long operationId, long noticeId) {
        Operation operation = operations.get(operationId);
        Notice notice = get(operationId, noticeId);
        return new TreeMap<>(notice.texts)
                .entrySet().stream()
                        .map(e -> renderer.render(
                                operation, e.getKey(), e.getValue(), notice.overflow, notice.imageSha256 != null))
                        .toList();
    }

    @Override
    public List<Problem.FieldError> problems(Operation operation) {
        List<Problem.FieldError> problems = new ArrayList<>();
        for (Notice notice : Notice.<Notice>list("operationId", ORDER, operation.id)) {
            lint(operation, notice.texts, notice.overflow, notice.imageSha256 != null)
                    .forEach(p -> problems.add(
                            new Problem.FieldError("notices[" + notice.id + "]." + p.field(), p.message())));
        }
        return problems;
    }

    private List<Problem.FieldError> lint(
            Operation operation, Map<String, String> texts, NoticeOverflow overflow, boolean photo) {
        List<Problem.FieldError> problems = new ArrayList<>();
        new TreeMap<>(texts)
                .forEach((lang, text) -> renderer.render(operation, lang, text, overflow, photo)
                        .problems()
                        .forEach(p -> problems.add(new Problem.FieldError("texts[" + lang + "]", p))));
        return problems;
    }

    private void apply(Operation operation, Notice notice, NoticeRequest request) {
        LanguageTexts languages = LanguageTexts.of(request.texts(), request.defaultLanguage());
        Map<String, String> texts = languages.texts();
        String defaultLanguage = languages.defaultLanguage();
        boolean allTargets = request.allTargets() == null || request.allTargets();
        Set<Long> targetIds = new HashSet<>(request.targetIds() == null ? List.of() : request.targetIds());
        if (allTargets && !targetIds.isEmpty()) {
            throw ProblemException.invalidField(400, "targetIds", "must be empty when allTargets is true");
        }
        if (!allTargets && targetIds.isEmpty()) {
            throw ProblemException.invalidField(
                    400, "targetIds", "must name at least one target when allTargets is false");
        }
        for (Long targetId : targetIds) {
            TelegramTarget target = TelegramTarget.findById(targetId);
            if (target == null || target.operationId != notice.operationId) {
                throw ProblemException.invalidField(
                        400, "targetIds", "target " + targetId + " is not a target of this operation");
            }
        }
        NoticeOverflow overflow = request.overflow() == null ? NoticeOverflow.REFUSE : request.overflow();
        List<Problem.FieldError> lint = lint(operation, texts, overflow, notice.imageSha256 != null);
        if (!lint.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "Telegram would refuse this notice", lint);
        }
        if (request.schedule() != null) {
            request.schedule().applyTo(notice, operation.timezone);
        } else {
            notice.sendAt = null;
            notice.cron = null;
            notice.windowStart = null;
            notice.windowEnd = null;
        }
        notice.silent = Boolean.TRUE.equals(request.silent());
        // Edited content gets another chance with Telegram (after another approval).
        notice.blockedReason = null;
        notice.overflow = overflow;
        notice.title = request.title();
        notice.defaultLanguage = defaultLanguage;
        notice.texts.clear();
        notice.texts.putAll(texts);
        notice.pin = Boolean.TRUE.equals(request.pin());
        notice.allTargets = allTargets;
        notice.targetIds.clear();
        notice.targetIds.addAll(targetIds);
        notice.updatedAt = clock.instant();
    }
}
