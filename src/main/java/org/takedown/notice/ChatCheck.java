package org.takedown.notice;

/** What preflight found about one target: can the bot post there, and what chat is it. */
public record ChatCheck(PreflightStatus status, String detail, String chatType, String chatTitle) {}
