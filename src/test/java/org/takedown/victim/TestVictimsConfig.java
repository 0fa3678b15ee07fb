package org.takedown.victim;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.takedown.delivery.DispatchConfig;

/** {@link VictimsConfig} for tests that build the victim classes without Quarkus. */
public record TestVictimsConfig(Path keyFile, boolean createKeyFile, boolean allowDramaRange) implements VictimsConfig {

    @Override
    public long maxFileBytes() {
        return 1 << 20;
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(30);
    }

    @Override
    public List<String> revealRoles() {
        return List.of("officer");
    }

    @Override
    public Optional<List<String>> officialDomains() {
        return Optional.of(List.of("met.police.uk"));
    }

    @Override
    public Sms sms() {
        return new Sms() {
            @Override
            public int maxFragments() {
                return 3;
            }

            @Override
            public BigDecimal pricePerFragment() {
                return new BigDecimal("0.03");
            }

            @Override
            public String currency() {
                return "GBP";
            }

            @Override
            public double rate() {
                return 10;
            }

            @Override
            public double headroom() {
                return 0.97;
            }

            @Override
            public Optional<Boolean> dryRun() {
                return Optional.of(true);
            }

            @Override
            public Duration failoverAfter() {
                return Duration.ofMinutes(2);
            }

            @Override
            public Smpp smpp() {
                throw new UnsupportedOperationException("no SMSC in a unit test");
            }

            @Override
            public DispatchConfig dispatch() {
                throw new UnsupportedOperationException("no dispatching in a unit test");
            }

            @Override
            public Notify govNotify() {
                throw new UnsupportedOperationException("no GOV.UK Notify in a unit test");
            }
        };
    }
}
