package org.takedown.watch;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.takedown.operation.PublicContentSection;

/**
 * Which rule sends which notice is part of what an operation says in public, so approving an operation approves its
 * reactions too, and changing a reacting rule's pattern or notice sends it back for approval. Pausing does not.
 */
@ApplicationScoped
public class ReactionContent implements PublicContentSection {

    record ReactionPart(long ruleId, WatchRule.Kind kind, String pattern, long noticeId) {}

    @Override
    public String name() {
        return "reactions";
    }

    @Override
    public List<ReactionPart> snapshot(long operationId) {
        return WatchRule.<WatchRule>list("operationId = ?1 and reactNoticeId is not null", Sort.by("id"), operationId)
                .stream()
                .map(r -> new ReactionPart(r.id, r.kind, r.pattern, r.reactNoticeId))
                .toList();
    }
}
