package org.takedown.notice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.takedown.common.HostNames;

/**
 * Hosts on which Telegram reaches the webhook ({@code takedown.telegram.updates.webhook-hosts}), normalised. On them
 * only the webhook path answers; officer hosts reach it as well.
 */
@ApplicationScoped
public class WebhookHosts {

    public static final String PATH = "/telegram/webhook/";

    @Inject
    TelegramConfig config;

    private Set<String> hosts;

    @PostConstruct
    void init() {
        hosts = config.updates().webhookHosts().orElse(List.of()).stream()
                .map(h -> HostNames.fromHostHeader(h.strip())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "takedown.telegram.updates.webhook-hosts: not a host name: " + h)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @param host a normalised host name */
    public boolean admits(String host, String path) {
        return path != null && path.startsWith(PATH) && hosts.contains(host);
    }
}
