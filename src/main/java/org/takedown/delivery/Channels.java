package org.takedown.delivery;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The channels plugged into the engine: every bean that implements {@link Channel}, by name. */
@ApplicationScoped
public class Channels {

    private final Map<String, Channel> byName;

    @Inject
    Channels(@All List<Channel> channels) {
        this.byName = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
    }

    public Channel get(String name) {
        Channel channel = byName.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("No delivery channel named " + name);
        }
        return channel;
    }

    public List<Channel> all() {
        return List.copyOf(byName.values());
    }
}
