package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.takedown.common.TextClip;

/**
 * A post of a watched channel, stored once when first read, as it was then (its capture is the evidence). Links and
 * handles one per line. A later read that shows different text adds a {@link WatchPostEdit} and sets {@code edited}.
 */
@Entity
@Table(name = "watch_post")
public class WatchPost extends PanacheEntityBase {

    @Id
    // Ids come in blocks of 50 from a sequence, so the rows a read finds are inserted as JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "watch_post_ids")
    @SequenceGenerator(name = "watch_post_ids", sequenceName = "watch_post_seq", allocationSize = 50)
    public Long id;

    public long targetId;
    /** Telegram's id of the post in its channel. */
    public long postId;

    public Instant postedAt;

    @Column(name = "body")
    public String text;

    public String links;
    public String mentions;
    public Long views;
    public String forwardedFrom;
    /** The channel the post was forwarded from, when Telegram links it. */
    public String forwardedFromHandle;
    /** What the post shows outside its text: a poll's question and options, documents' names. */
    public String attachmentText;
    /** Telegram marks the post as edited, or a later read found other text ({@link WatchPostEdit}). */
    public boolean edited;

    @Enumerated(EnumType.STRING)
    public ChannelPost.MediaKind media;

    public int mediaCount;
    public String previewUrl;
    public boolean service;
    public Instant firstSeenAt;
    /** The capture of the page the post was first read on. */
    public Long captureId;

    static WatchPost of(long targetId, ChannelPost post, Instant now) {
        WatchPost stored = new WatchPost();
        stored.targetId = targetId;
        stored.postId = post.id();
        stored.postedAt = post.date();
        stored.text = clip(post.text(), 10_000);
        stored.links = clip(String.join("\n", post.links()), 20_000);
        stored.mentions = clip(String.join("\n", post.mentions()), 4_000);
        stored.views = post.views();
        stored.forwardedFrom = post.forwardedFrom() == null ? null : clip(post.forwardedFrom(), 300);
        stored.forwardedFromHandle = post.forwardedFromHandle();
        stored.attachmentText = post.attachmentText().isEmpty() ? null : clip(post.attachmentText(), 4_000);
        stored.edited = post.edited();
        stored.media = post.media();
        stored.mediaCount = post.mediaCount();
        stored.previewUrl = post.preview() == null ? null : clip(post.preview().url(), 2_048);
        stored.service = post.service();
        stored.firstSeenAt = now;
        return stored;
    }

    /** Everything the post said when first read, for rules and discovery: its text, then what it shows outside it. */
    public String readableText() {
        return attachmentText == null ? text : text + "\n" + attachmentText;
    }

    public List<String> linkList() {
        return links.isEmpty() ? List.of() : Arrays.asList(links.split("\n"));
    }

    public List<String> mentionList() {
        return mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split("\n"));
    }

    private static String clip(String text, int max) {
        return TextClip.clip(text, max);
    }
}
