package org.takedown.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The manifest row of one captured fetch, with its WARC file. The target is named by value as well as by id, so the
 * evidence still says what was watched after the watch target is removed.
 */
@Entity
@Table(name = "evidence_capture")
public class Capture extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public Long targetId;
    public String targetValue;
    /** Why it was captured: new posts, a sighting, a page change. */
    public String reason;

    public String url;
    /** The URLs redirected from, in order, one per line. */
    public String redirects;

    public String peerIp;
    public int httpStatus;
    public boolean truncated;
    public Instant capturedAt;

    @Basic(fetch = FetchType.LAZY)
    public byte[] warc;

    public String warcSha256;
    public long warcSize;
    public String payloadSha256;
    public String responseRecordId;

    /** The file name the capture has in downloads and export bundles. */
    public String fileName() {
        return "capture-" + id + ".warc.gz";
    }
}
