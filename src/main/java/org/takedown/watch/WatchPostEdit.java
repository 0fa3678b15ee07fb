package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.takedown.common.TextClip;

/**
 * A later text of a stored post: a read found the post edited, with text other than its last one. The post keeps its
 * first text and capture; each change is kept here with the capture of the page that showed it.
 */
@Entity
@Table(name = "watch_post_edit")
public class WatchPostEdit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The {@link WatchPost} row. */
    public long watchPostId;

    @Column(name = "body")
    public String text;

    public String attachmentText;
    public String links;
    public String mentions;
    public Instant seenAt;
    public Long captureId;

    static WatchPostEdit of(WatchPost post, ChannelPost edited, Instant now) {
        WatchPostEdit edit = new WatchPostEdit();
        edit.watchPostId = post.id;
        edit.text = TextClip.clip(edited.text(), 10_000);
        edit.attachmentText = edited.attachmentText().isEmpty() ? null : TextClip.clip(edited.attachmentText(), 4_000);
        edit.links = TextClip.clip(String.join("\n", edited.links()), 20_000);
        edit.mentions = TextClip.clip(String.join("\n", edited.mentions()), 4_000);
        edit.seenAt = now;
        return edit;
    }

    /** Whether {@code post} reads as this version (same text, attachments and links: a new link under old words is a change). */
    boolean sameAs(ChannelPost post) {
        return text.equals(TextClip.clip(post.text(), 10_000))
                && java.util.Objects.equals(
                        attachmentText,
                        post.attachmentText().isEmpty() ? null : TextClip.clip(post.attachmentText(), 4_000))
                && links.equals(TextClip.clip(String.join("\n", post.links()), 20_000));
    }

    public String readableText() {
        return attachmentText == null ? text : text + "\n" + attachmentText;
    }

    public List<String> linkList() {
        return links.isEmpty() ? List.of() : Arrays.asList(links.split("\n"));
    }

    public List<String> mentionList() {
        return mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split("\n"));
    }
}
