package org.takedown.notice;

/** A notice text longer than one Telegram message: refused, or split into several messages at natural breaks. */
public enum NoticeOverflow {
    REFUSE,
    SPLIT
}
