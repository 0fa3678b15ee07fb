package org.takedown.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling of bot updates ({@code takedown.telegram.updates.mode=POLLING}, the default with a token): every
 * replica runs this loop, and only the one holding the lease in the database calls {@code getUpdates}; each update
 * is applied and the offset moved past it in one transaction. With WEBHOOK mode it registers the webhook instead.
 */
@ApplicationScoped
public class UpdatePoller {

    private static final Logger LOG = Logger.getLogger(UpdatePoller.class);

    @Inject
    TelegramGateway gateway;

    @Inject
    TelegramConfig config;

    @Inject
    BotUpdates updates;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private volatile boolean running;
    private Thread loop;

    void start(@Observes StartupEvent event) {
        if (gateway.dryRun()) {
            return;
        }
        TelegramConfig.Updates settings = config.updates();
        try {
            switch (settings.mode()) {
                case WEBHOOK ->
                    gateway.registerWebhook(
                            settings.webhookUrl()
                                    .orElseThrow(() -> new IllegalStateException(
                                            "takedown.telegram.updates.webhook-url is required in WEBHOOK mode")),
                            settings.webhookSecretToken()
                                    .orElseThrow(() -> new IllegalStateException(
                                            "takedown.telegram.updates.webhook-secret-token is required")));
                case POLLING -> {
                    gateway.removeWebhook();
                    running = true;
                    loop = new Thread(this::poll, "telegram-updates");
                    loop.setDaemon(true);
                    loop.start();
                }
                case NONE -> LOG.info("Bot updates off: target status changes are seen only by preflight");
            }
        } catch (TelegramApiException e) {
            LOG.errorf("Bot updates: could not set up %s mode: %s", settings.mode(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        try {
            loop.join(config.api().timeout().toMillis());
            updates.release(node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("Bot updates: lease not released at shutdown (%s); it lapses by itself", e.toString());
        }
    }

    private void poll() {
        Duration lease = config.updates().pollingLease();
        // The long poll must end before the client's own timeout and well within the lease.
        Duration wait =
                min(config.updates().pollingTimeout(), config.api().timeout().minusSeconds(1), lease.dividedBy(3));
        while (running) {
            try {
                Optional<Long> offset = updates.lease(node, lease);
                if (offset.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(lease.dividedBy(3).toMillis());
                    continue;
                }
                List<Update> batch = gateway.updates(offset.get(), wait);
                for (Update update : batch) {
                    updates.applyPolled(node, update);
                }
                if (batch.isEmpty() && wait.isZero()) {
                    TimeUnit.SECONDS.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Bot updates: polling failed (%s); trying again shortly", e.getMessage());
                try {
                    TimeUnit.SECONDS.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration... durations) {
        Duration least = durations[0];
        for (Duration d : durations) {
            least = d.compareTo(least) < 0 ? d : least;
        }
        return least.isNegative() ? Duration.ZERO : least;
    }
}
