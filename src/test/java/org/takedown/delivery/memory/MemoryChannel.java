package org.takedown.delivery.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.takedown.delivery.Channel;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.Dispatch;
import org.takedown.delivery.Outcome;
import org.takedown.delivery.Pace;
import org.takedown.delivery.Sender;

/**
 * A channel that sends into memory, plugged into the delivery engine through its public door only (no Telegram type,
 * nothing package-private): what it answers is scripted per address, every call and every effect is kept for the test
 * to read. Its limits differ from Telegram's on purpose: 20 messages and 40 weight a second, 400 ms between two
 * messages to one address, no arrival window. It dispatches only where {@code memory-channel.enabled} is true.
 */
@ApplicationScoped
public class MemoryChannel implements Channel {

    public static final String NAME = "memory";
    public static final Pace PACE = new Pace(20, 40, 1.0, Duration.ofMillis(400), false);

    /** One call of the sender: the row as claimed, and when the call was made (wall clock). */
    public record Call(Claimed row, Instant at) {}

    /** One effect the engine asked of the channel. */
    public record Effect(String kind, long deliveryId, String detail) {}

    private final Map<String, Deque<Function<Claimed, Outcome>>> scripts = new HashMap<>();
    private final Set<String> unpreparable = new HashSet<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Effect> effects = new CopyOnWriteArrayList<>();
    private final Clock wall = Clock.systemUTC();
    private final Dispatch dispatch;
    private volatile boolean sendAgainAfterTemporaryFailure;

    @Inject
    MemoryChannel(@ConfigProperty(name = "memory-channel.enabled", defaultValue = "false") boolean enabled) {
        this.dispatch = new Dispatch(
                enabled,
                4,
                4,
                Duration.ofMillis(300),
                3,
                Duration.ofMillis(100),
                Duration.ofMillis(400),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(100));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Sender sender() {
        return row -> {
            synchronized (scripts) {
                if (unpreparable.remove(row.address())) {
                    throw new IllegalStateException("the message could not be read");
                }
            }
            return () -> send(row);
        };
    }

    @Override
    public Pace pace() {
        return PACE;
    }

    @Override
    public Dispatch dispatch() {
        return dispatch;
    }

    private Outcome send(Claimed row) {
        calls.add(new Call(row, wall.instant()));
        Function<Claimed, Outcome> answer;
        synchronized (scripts) {
            Deque<Function<Claimed, Outcome>> script = scripts.get(row.address());
            answer = script == null ? null : script.poll();
        }
        return answer != null ? answer.apply(row) : new Outcome.Sent("mem-" + row.id() + "-" + calls.size());
    }

    /** The answers to the next calls to {@code address}, in order; after them every call is sent. */
    @SafeVarargs
    public final void script(String address, Function<Claimed, Outcome>... answers) {
        synchronized (scripts) {
            scripts.computeIfAbsent(address, a -> new ArrayDeque<>()).addAll(List.of(answers));
        }
    }

    /** The next message to {@code address} cannot be prepared (its details cannot be read): the sender throws. */
    public void failPreparing(String address) {
        synchronized (scripts) {
            unpreparable.add(address);
        }
    }

    /** Whether a receipt saying a message failed for now sends it again. */
    public void sendAgainAfterTemporaryFailure(boolean again) {
        sendAgainAfterTemporaryFailure = again;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<Call> callsTo(String address) {
        return calls.stream()
                .filter(call -> call.row().address().equals(address))
                .toList();
    }

    public List<Effect> effects() {
        return new ArrayList<>(effects);
    }

    public void reset() {
        synchronized (scripts) {
            scripts.clear();
            unpreparable.clear();
        }
        calls.clear();
        effects.clear();
        sendAgainAfterTemporaryFailure = false;
    }

    @Override
    public void recipientGone(Delivery row, String reason) {
        effects.add(new Effect("gone", row.id, reason));
    }

    @Override
    public void contentRefused(Delivery row, String reason, int skipped) {
        effects.add(new Effect("refused", row.id, reason + "; skipped " + skipped));
    }

    @Override
    public void moved(Delivery row, String from, String to) {
        effects.add(new Effect("moved", row.id, from + " -> " + to));
    }

    @Override
    public boolean receiptFailed(Delivery row, boolean permanent, String reason) {
        effects.add(new Effect(permanent ? "failed for good" : "failed for now", row.id, reason));
        return !permanent && sendAgainAfterTemporaryFailure;
    }
}
