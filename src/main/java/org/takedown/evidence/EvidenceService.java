package org.takedown.evidence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.stream.Collectors;
import org.takedown.common.ProblemException;
import org.takedown.operation.OperationService;

/** Keeps captures: writes the WARC file of an exchange and its manifest row; lists and hands them out. */
@ApplicationScoped
public class EvidenceService {

    @Inject
    OperationService operations;

    /** In the caller's transaction, so a capture exists exactly when what it proves was stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Capture capture(long operationId, Long targetId, String targetValue, String reason, HttpExchange exchange) {
        WarcCapture.Written written = WarcCapture.write(exchange);
        Capture capture = new Capture();
        capture.operationId = operationId;
        capture.targetId = targetId;
        capture.targetValue = targetValue;
        capture.reason = reason;
        capture.url = exchange.url().toString();
        capture.redirects = exchange.redirects().stream().map(URI::toString).collect(Collectors.joining("\n"));
        capture.peerIp = exchange.peer() == null ? null : exchange.peer().getHostAddress();
        capture.httpStatus = exchange.status();
        capture.truncated = exchange.truncated();
        capture.capturedAt = exchange.at();
        capture.warc = written.warc();
        capture.warcSha256 = written.sha256();
        capture.warcSize = written.warc().length;
        capture.payloadSha256 = written.payloadSha256();
        capture.responseRecordId = written.responseRecordId();
        capture.persist();
        return capture;
    }

    /** Says why a capture was kept once its consequences are known (a page that turned out to hold sightings). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveReason(Capture capture, String reason) {
        capture.reason = reason;
    }

    public PanacheQuery<Capture> list(long operationId) {
        operations.get(operationId);
        return Capture.find("operationId", Sort.by("id"), operationId);
    }

    public Capture get(long operationId, long captureId) {
        Capture capture = Capture.findById(captureId);
        if (capture == null || capture.operationId != operationId) {
            throw ProblemException.notFound("Capture " + captureId + " of operation " + operationId);
        }
        return capture;
    }
}
