package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Telegram channel or group to warn: by public {@code @username} or by numeric chat id (exactly one). */
@Entity
@Table(name = "telegram_target")
public class TelegramTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    /** Without the leading {@code @}, as the officer typed it (Telegram usernames are case-insensitive). */
    public String username;
    /** Kept as a {@code long}: supergroup and channel ids exceed 32 bits. */
    public Long chatId;

    public String title;
    /** The language its readers get (BCP 47); null: each notice's default language. */
    public String language;
    /** channel, supergroup or group, as preflight found. */
    public String chatType;

    public String chatTitle;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public PreflightStatus preflightStatus = PreflightStatus.NOT_CHECKED;

    public String preflightDetail;
    public Instant preflightAt;
    /** Nothing is sent here until preflight passes again (set when Telegram says the bot may not post). */
    public boolean suspended;

    public Instant createdAt;

    /** The {@code chat_id} Telegram accepts: {@code @username} or the numeric id. */
    public String chat() {
        return username != null ? "@" + username : Long.toString(chatId);
    }
}
