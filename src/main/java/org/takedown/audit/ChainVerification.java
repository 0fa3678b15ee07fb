package org.takedown.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Result of recomputing the audit chain: valid, or the first row that does not hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
